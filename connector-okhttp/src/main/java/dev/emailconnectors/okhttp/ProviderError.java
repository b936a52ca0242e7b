package dev.emailconnectors.okhttp;

import dev.emailconnectors.ErrorCode;

/**
 * What a provider said about a failed request, as a {@link ProviderErrorParser} read it. Every component is optional
 * (null when unknown); the transport fills the gaps from the HTTP status.
 *
 * <pre>{@code
 * ProviderError e = ProviderErrorParser.standard().parse(response);      // message, code, request id
 * if ("406".equals(e.providerCode())) e = e.withCode(ErrorCode.INVALID_RECIPIENT);
 * }</pre>
 *
 * @param message the provider's own error text, or null to use a generic one
 * @param providerCode the provider's error code (for example Postmark's {@code ErrorCode} or Aliyun's {@code Code}),
 *     or null
 * @param requestId the provider's request id, or null
 * @param code the error code to report instead of the one the HTTP status maps to, or null to keep that one; its
 *     {@link ErrorCode#retryableByDefault()} decides whether the failure is retried
 */
public record ProviderError(String message, String providerCode, String requestId, ErrorCode code) {
    private static final ProviderError NONE = new ProviderError(null, null, null, null);

    /** @return an error with nothing known: the HTTP status decides everything */
    public static ProviderError none() {
        return NONE;
    }

    /**
     * Creates an error with the provider's message only.
     *
     * @param message the provider's text, or null
     * @return the error
     */
    public static ProviderError of(String message) {
        return new ProviderError(message, null, null, null);
    }

    /**
     * Replaces the message.
     *
     * @param message the provider's text, or null
     * @return a copy
     */
    public ProviderError withMessage(String message) {
        return new ProviderError(message, providerCode, requestId, code);
    }

    /**
     * Replaces the provider's error code.
     *
     * @param providerCode the code, or null
     * @return a copy
     */
    public ProviderError withProviderCode(String providerCode) {
        return new ProviderError(message, providerCode, requestId, code);
    }

    /**
     * Replaces the request id.
     *
     * @param requestId the id, or null
     * @return a copy
     */
    public ProviderError withRequestId(String requestId) {
        return new ProviderError(message, providerCode, requestId, code);
    }

    /**
     * Reports another error code than the HTTP status gives, for example {@link ErrorCode#RATE_LIMITED} for a
     * throttling error sent as HTTP 400, or {@link ErrorCode#INVALID_RECIPIENT} for an inactive recipient.
     *
     * @param code the code, or null to keep the status mapping
     * @return a copy
     */
    public ProviderError withCode(ErrorCode code) {
        return new ProviderError(message, providerCode, requestId, code);
    }
}
