/**
 * The SendGrid email connector (id {@code sendgrid}, alias {@code sendgrid-email-service}): SendGrid v3 Mail Send,
 * with request bodies built by sendgrid-java's mail model and sent through the shared HTTP transport.
 */
module dev.emailconnectors.sendgrid {
    requires dev.emailconnectors.api;
    requires dev.emailconnectors.okhttp;
    requires sendgrid.java;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.sendgrid.SendGridProvider;
}
