/**
 * The Mailgun email connector (id {@code mailgun}, alias {@code mailgun-email}): Mailgun's messages API through the
 * shared HTTP transport.
 */
module dev.emailconnectors.mailgun {
    requires dev.emailconnectors.api;
    requires dev.emailconnectors.okhttp;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.mailgun.MailgunProvider;
}
