package dev.emailconnectors;

import java.util.Optional;

/**
 * What went wrong, in terms a caller can act on. Each code has a stable {@link #wireCode() wire code}; where Logto's
 * connector kit has an equivalent, the wire code is Logto's, so hosts that map Logto errors keep working.
 *
 * <p>{@link #retryableByDefault()} is the usual answer; the actual answer for one failure is
 * {@link EmailConnectorException#retryable()}.
 */
public enum ErrorCode {
    /** Anything not covered by a more precise code. */
    GENERAL("general", true, false),
    /** The connector configuration is invalid. */
    INVALID_CONFIG("invalid_config", true, false),
    /** No connector is configured, or the requested connector id is unknown. */
    NOT_CONFIGURED("not_configured", false, false),
    /** No template exists for the message type (nor a {@code Generic} fallback), or the type is unknown. */
    TEMPLATE_NOT_FOUND("template_not_found", true, false),
    /** The recipient address is malformed or was refused by the provider. Sending again will not help. */
    INVALID_RECIPIENT("invalid_recipient", false, false),
    /**
     * The recipient is on the tenant's {@link dev.emailconnectors.spi.SuppressionList} (a hard bounce, a complaint, a
     * manual entry); nothing was sent. Sending again will not help until the entry is removed.
     */
    RECIPIENT_SUPPRESSED("recipient_suppressed", false, false),
    /** The payload is malformed, too large, or cannot be represented by the provider. */
    INVALID_PAYLOAD("invalid_payload", false, false),
    /** The provider refused the credentials (wrong key, expired token, bad signature). */
    AUTHENTICATION_FAILED("authentication_failed", false, false),
    /** The provider throttled the request; see {@link EmailConnectorException#retryAfter()}. */
    RATE_LIMITED("rate_limit_exceeded", true, true),
    /** A quota for the period is used up (for example the built-in service's per-tenant limit). */
    USAGE_LIMIT_EXCEEDED("usage_limit_exceeded", true, false),
    /** The provider understood the request and refused it (content, sender, account state). */
    PROVIDER_REJECTED("provider_rejected", false, false),
    /** The provider could not be reached or answered with a temporary failure. */
    PROVIDER_UNAVAILABLE("provider_unavailable", false, true),
    /** The provider did not answer in time. Whether it accepted the message is unknown. */
    TIMEOUT("timeout", false, true),
    /** The provider answered with something that could not be understood. */
    INVALID_RESPONSE("invalid_response", true, false),
    /** The connector does not support the requested operation. */
    NOT_IMPLEMENTED("not_implemented", true, false);

    private final String wireCode;
    private final boolean logto;
    private final boolean retryable;

    ErrorCode(String wireCode, boolean logto, boolean retryable) {
        this.wireCode = wireCode;
        this.logto = logto;
        this.retryable = retryable;
    }

    /**
     * Returns the stable snake_case code, for example {@code "rate_limit_exceeded"}.
     *
     * @return the wire code
     */
    public String wireCode() {
        return wireCode;
    }

    /**
     * Returns the Logto {@code ConnectorErrorCodes} value this code corresponds to, if Logto has one.
     *
     * @return the Logto code, or empty for codes Logto does not distinguish (they are all {@code general} there)
     */
    public Optional<String> logtoCode() {
        return logto ? Optional.of(wireCode) : Optional.empty();
    }

    /**
     * Returns whether a failure with this code is usually worth retrying (possibly later, on another provider).
     *
     * @return the default retry answer
     */
    public boolean retryableByDefault() {
        return retryable;
    }
}
