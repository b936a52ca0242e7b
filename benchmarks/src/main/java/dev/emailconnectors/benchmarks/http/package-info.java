/**
 * The HTTP webhook connector against a raw OkHttp POST of the same body to the same local HTTP sink, at 1 and 8
 * threads ({@link dev.emailconnectors.benchmarks.http.HttpWebhookBenchmark}).
 */
package dev.emailconnectors.benchmarks.http;
