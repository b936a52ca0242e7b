/**
 * The Postmark email connector (id {@code postmark}, alias {@code postmark-mail}): Postmark's email and template
 * APIs through the shared HTTP transport.
 */
module dev.emailconnectors.postmark {
    requires dev.emailconnectors.api;
    requires dev.emailconnectors.okhttp;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.postmark.PostmarkProvider;
}
