/** JMH benchmarks: each connector measured against the raw client it is built on, in the same run. */
package dev.emailconnectors.benchmarks;
