/**
 * The SMTP connector: {@link dev.emailconnectors.smtp.SmtpConnectorProvider} (id {@code smtp}, Logto alias
 * {@code simple-mail-transfer-protocol}) sends through any SMTP server with Jakarta Mail (Eclipse Angus), reusing a
 * bounded pool of connections, requiring TLS unless the configuration turns it off, and mapping every SMTP reply to a
 * precise {@link dev.emailconnectors.ErrorCode}. Everything except the provider is internal.
 */
package dev.emailconnectors.smtp;
