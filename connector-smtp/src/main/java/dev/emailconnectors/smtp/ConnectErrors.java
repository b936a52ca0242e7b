package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.smtp.SmtpSettings.TlsMode;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/** Maps failures while opening a connection (TCP, greeting, EHLO, TLS, AUTH) to {@link EmailConnectorException}s. */
final class ConnectErrors {
    private ConnectErrors() {}

    /**
     * Maps a failed TCP connect.
     *
     * @param e the failure for the last address tried
     * @param settings the settings
     * @return the error
     */
    static EmailConnectorException tcp(IOException e, SmtpSettings settings) {
        if (e instanceof SocketTimeoutException) {
            return new EmailConnectorException(
                    ErrorCode.TIMEOUT,
                    "Could not connect to the SMTP server at " + settings.endpoint() + " within "
                            + settings.timeouts().connect().toMillis() + " ms",
                    e);
        }
        if (e instanceof BindException && settings.localAddress().isPresent()) {
            return new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG,
                    "Cannot connect from localAddress "
                            + settings.localAddress().get() + ": " + e.getMessage(),
                    e);
        }
        return new EmailConnectorException(
                ErrorCode.PROVIDER_UNAVAILABLE,
                "Could not connect to the SMTP server at " + settings.endpoint() + ": " + e.getMessage(),
                e);
    }

    /**
     * Maps a failure after the TCP connection was made.
     *
     * @param e the failure
     * @param t the transport, or null when TLS failed before it existed
     * @param settings the settings
     * @return the error
     */
    static EmailConnectorException session(Exception e, TrackingTransport t, SmtpSettings settings) {
        String endpoint = settings.endpoint();
        if (t != null
                && settings.tlsMode() == TlsMode.STARTTLS_REQUIRED
                && t.ehloDone()
                && !t.startTlsOffered()
                && !t.tlsStarted()
                && !(e instanceof AuthenticationFailedException)) {
            return new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG,
                    "TLS is required but the SMTP server at " + endpoint + " does not offer STARTTLS, so nothing was"
                            + " sent. Use the server's TLS port (465 with secure: true) or STARTTLS port (587); set"
                            + " requireTLS: false or ignoreTLS: true only for a trusted relay on a private network");
        }
        SSLException tls = Causes.find(e, SSLException.class);
        if (tls != null) {
            return EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE,
                            "TLS with the SMTP server at " + endpoint + " failed: " + tls.getMessage() + hint(tls))
                    .retryable(false)
                    .cause(e)
                    .build();
        }
        if (Causes.find(e, SocketTimeoutException.class) != null) {
            return new EmailConnectorException(
                    ErrorCode.TIMEOUT,
                    "The SMTP server at " + endpoint + " did not answer within "
                            + settings.timeouts().greeting().toMillis() + " ms while the connection was set up",
                    e);
        }
        Reply reply =
                t == null ? new Reply(0, null, "") : Reply.parse(t.getLastReturnCode(), t.getLastServerResponse());
        if (e instanceof AuthenticationFailedException) {
            if (reply.isTransient()) {
                return reply.exception(ErrorCode.PROVIDER_UNAVAILABLE, "Authentication is temporarily unavailable", e);
            }
            String detail = reply.code() > 0 ? "The SMTP server refused the credentials" : e.getMessage();
            return reply.exception(ErrorCode.AUTHENTICATION_FAILED, detail, e);
        }
        if (reply.code() == -1 || Causes.find(e, IOException.class) != null) {
            return new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE,
                    "The SMTP server at " + endpoint + " closed the connection while it was set up",
                    e);
        }
        if (reply.isTransient()) {
            return reply.exception(ErrorCode.PROVIDER_UNAVAILABLE, "The SMTP server at " + endpoint + " is busy", e);
        }
        if (reply.isPermanent()) {
            return reply.exception(
                    ErrorCode.PROVIDER_REJECTED, "The SMTP server at " + endpoint + " refused the connection", e);
        }
        return new EmailConnectorException(
                ErrorCode.GENERAL, "Could not set up the SMTP connection to " + endpoint + ": " + e.getMessage(), e);
    }

    private static String hint(SSLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("unrecognized SSL message") || m.contains("plaintext connection")) {
            return " (the server does not speak TLS on this port: secure: true is for port 465; use secure: false"
                    + " and STARTTLS on port 587)";
        }
        if (m.contains("subject alternative") || m.contains("No name matching") || m.contains("does not match")) {
            return " (the certificate is for another name: check host or tls.servername)";
        }
        if (m.contains("PKIX") || m.contains("certification path")) {
            return " (the certificate is not trusted: set tls.ca to the authority that issued it)";
        }
        return "";
    }
}
