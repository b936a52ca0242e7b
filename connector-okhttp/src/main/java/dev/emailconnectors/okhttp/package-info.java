/**
 * Shared HTTP plumbing for connectors that talk to an HTTP API. A connector builds one
 * {@link dev.emailconnectors.okhttp.HttpTransport} from its configuration ({@link dev.emailconnectors.okhttp.HttpOptions})
 * and the host's {@link dev.emailconnectors.spi.ConnectorContext}, then calls
 * {@link dev.emailconnectors.okhttp.HttpTransport#execute(okhttp3.Request)} for each message. The transport maps HTTP
 * statuses and I/O failures to {@link dev.emailconnectors.EmailConnectorException}s, retries what is worth retrying,
 * enforces the network policy after DNS resolution and keeps credentials out of log lines. A
 * {@link dev.emailconnectors.okhttp.ProviderErrorParser} reads a provider's own error format.
 */
package dev.emailconnectors.okhttp;
