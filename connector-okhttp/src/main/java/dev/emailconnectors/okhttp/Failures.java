package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns HTTP statuses and I/O failures into {@link EmailConnectorException}s. */
final class Failures {
    private Failures() {}

    /** Maps a non-2xx response, with what the provider's parser read from it. */
    static EmailConnectorException fromStatus(
            HttpResponse response, ProviderError said, Duration retryAfter, String target) {
        int status = response.status();
        ErrorCode byStatus;
        String what;
        if (status == 401 || status == 403) {
            byStatus = ErrorCode.AUTHENTICATION_FAILED;
            what = "refused the credentials";
        } else if (status == 429) {
            byStatus = ErrorCode.RATE_LIMITED;
            what = "is rate limiting requests";
        } else if (status == 408 || (status >= 500 && status < 600)) {
            byStatus = ErrorCode.PROVIDER_UNAVAILABLE;
            what = "is unavailable";
        } else if (status >= 300 && status < 400) {
            byStatus = ErrorCode.PROVIDER_REJECTED;
            what = "redirected the request; configure the final URL as the endpoint";
        } else if (status >= 400 && status < 500) {
            byStatus = ErrorCode.PROVIDER_REJECTED;
            what = "rejected the request";
        } else {
            byStatus = ErrorCode.INVALID_RESPONSE;
            what = "answered with an unexpected status";
        }
        ErrorCode code = said.code() != null ? said.code() : byStatus;
        StringBuilder message = new StringBuilder(target)
                .append(' ')
                .append(what)
                .append(" (HTTP ")
                .append(status)
                .append(')');
        if (said.message() != null) {
            message.append(": ").append(StandardErrorParser.shorten(said.message()));
        }
        return EmailConnectorException.builder(code, message.toString())
                .retryable(code.retryableByDefault())
                .retryAfter(retryAfter)
                .providerStatus(status)
                .providerErrorCode(said.providerCode())
                .providerRequestId(said.requestId())
                .build();
    }

    /** Maps an I/O failure of one attempt. */
    static EmailConnectorException fromIo(IOException e, String target, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PolicyViolation) {
                return ((PolicyViolation) t).violation();
            }
        }
        if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {
            return new EmailConnectorException(
                    ErrorCode.TIMEOUT,
                    target + " did not answer in time (timeout " + timeout.toMillis()
                            + " ms); whether it accepted the message is unknown",
                    e);
        }
        if (e instanceof InterruptedIOException) {
            return EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE, "The request to " + target + " was interrupted")
                    .retryable(false)
                    .cause(e)
                    .build();
        }
        if (e instanceof UnknownHostException) {
            return new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE, target + " failed: the host name does not resolve", e);
        }
        boolean certificate = e instanceof SSLPeerUnverifiedException || causedBy(e, CertificateException.class);
        return EmailConnectorException.builder(
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        target + " failed: " + (certificate ? "the server's TLS certificate is not trusted: " : "")
                                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                .retryable(!certificate)
                .cause(e)
                .build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
