/**
 * The HTTP webhook email connector (id {@code http}, alias {@code http-email}): posts each message as signed JSON to
 * an endpoint of yours. {@link dev.emailconnectors.http.WebhookVerifier} checks the signatures on the receiving side.
 */
module dev.emailconnectors.http {
    requires transitive dev.emailconnectors.api;
    requires dev.emailconnectors.okhttp;

    exports dev.emailconnectors.http;

    // lets the API read the configuration schema next to the provider
    opens dev.emailconnectors.http to
            dev.emailconnectors.api;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.http.HttpWebhookProvider;
}
