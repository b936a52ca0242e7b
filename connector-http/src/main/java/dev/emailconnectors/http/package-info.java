/**
 * The HTTP webhook connector: {@link dev.emailconnectors.http.HttpWebhookProvider} posts Logto's JSON request
 * ({@code {"to","type","payload","ip"}}) to a configured endpoint, signed with Standard Webhooks, with a timeout and
 * retries that keep the same {@code webhook-id}. Receivers on the JVM verify requests with
 * {@link dev.emailconnectors.http.WebhookVerifier}.
 */
package dev.emailconnectors.http;
