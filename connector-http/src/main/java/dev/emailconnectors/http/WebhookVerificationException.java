package dev.emailconnectors.http;

/**
 * A webhook request that {@link WebhookVerifier} refused: a header is missing, the timestamp is outside the
 * tolerance, or no signature matches. Answer such a request with HTTP 400 or 401 and do not act on it. The message
 * never contains a secret or a signature.
 */
public final class WebhookVerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the request was refused
     */
    public WebhookVerificationException(String message) {
        super(message);
    }
}
