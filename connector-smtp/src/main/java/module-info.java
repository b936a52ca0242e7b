/** The SMTP email connector (id {@code smtp}): Jakarta Mail (Eclipse Angus) with pooled connections and enforced TLS. */
module dev.emailconnectors.smtp {
    requires dev.emailconnectors.api;
    requires org.eclipse.angus.mail;

    provides dev.emailconnectors.spi.EmailConnectorProvider with
            dev.emailconnectors.smtp.SmtpConnectorProvider;
}
