/**
 * The HTTP plumbing shared by the HTTP-based email connectors: one OkHttp client and connection pool per JVM,
 * endpoint rules, timeouts, retries, status-to-error mapping, the network policy and log redaction. See
 * {@link dev.emailconnectors.okhttp.HttpTransport}.
 */
module dev.emailconnectors.okhttp {
    requires transitive dev.emailconnectors.api;
    requires transitive okhttp3;
    requires dev.failsafe.core;

    exports dev.emailconnectors.okhttp;

    // lets ConfigSupport.loadSchema read http-options.schema.json
    opens dev.emailconnectors.okhttp to
            dev.emailconnectors.api;
}
