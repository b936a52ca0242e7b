package dev.emailconnectors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one exception every connector throws. It says what went wrong ({@link #code()}), whether trying again can help
 * ({@link #retryable()}, {@link #retryAfter()}), and what the provider said (status, error code, request id), with a
 * message that never contains secrets. A provider-specific cause stays attached as {@link #getCause()}. When the
 * connector knows what the operator must change (a setting, a permission, a different port), {@link #remedy()} says
 * so, and the message ends with it.
 *
 * <pre>{@code
 * try {
 *     connector.sendMessage(TemplateType.SIGN_IN, to, payload);
 * } catch (EmailConnectorException e) {
 *     if (e.retryable()) queueForRetry(e.retryAfter().orElse(Duration.ofSeconds(30)));
 *     else log.warn("email not sent: {}", e.code().wireCode());
 * }
 * }</pre>
 */
public final class EmailConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    private final boolean retryable;
    private final Duration retryAfter;
    private final Integer providerStatus;
    private final String providerErrorCode;
    private final String providerRequestId;
    private final String connectorId;
    private final String remedy;

    /**
     * Creates an exception with the code's default retry answer.
     *
     * @param code what went wrong
     * @param message a description without secrets
     */
    public EmailConnectorException(ErrorCode code, String message) {
        this(builder(code, message));
    }

    /**
     * Creates an exception with the code's default retry answer and a cause.
     *
     * @param code what went wrong
     * @param message a description without secrets
     * @param cause the underlying failure
     */
    public EmailConnectorException(ErrorCode code, String message, Throwable cause) {
        this(builder(code, message).cause(cause));
    }

    private EmailConnectorException(Builder b) {
        super(format(b), b.cause);
        this.code = b.code;
        this.detail = b.message;
        this.retryable = b.retryable;
        this.retryAfter = b.retryAfter;
        this.providerStatus = b.providerStatus;
        this.providerErrorCode = b.providerErrorCode;
        this.providerRequestId = b.providerRequestId;
        this.connectorId = b.connectorId;
        this.remedy = b.remedy;
    }

    /**
     * Starts building an exception.
     *
     * @param code what went wrong
     * @param message a description without secrets
     * @return a builder whose retry answer defaults to {@link ErrorCode#retryableByDefault()}
     */
    public static Builder builder(ErrorCode code, String message) {
        return new Builder(code, message);
    }

    /**
     * Returns a builder pre-filled with every field of this exception (including cause and stack trace), for adding
     * context or rewriting the message.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(code, detail)
                .retryable(retryable)
                .retryAfter(retryAfter)
                .providerErrorCode(providerErrorCode)
                .providerRequestId(providerRequestId)
                .connectorId(connectorId)
                .remedy(remedy)
                .cause(getCause());
        b.providerStatus = providerStatus;
        b.stackTrace = getStackTrace();
        b.suppressed = getSuppressed();
        return b;
    }

    /** @return what went wrong */
    public ErrorCode code() {
        return code;
    }

    /** @return the message without the code prefix and provider details */
    public String detail() {
        return detail;
    }

    /** @return whether sending the same message again (later or elsewhere) may succeed */
    public boolean retryable() {
        return retryable;
    }

    /** @return how long the provider asked to wait before trying again, if it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the provider's HTTP status or SMTP reply code, if there was one */
    public OptionalInt providerStatus() {
        return providerStatus == null ? OptionalInt.empty() : OptionalInt.of(providerStatus);
    }

    /** @return the provider's own error code (Postmark {@code ErrorCode}, SES error type, SMTP enhanced status…) */
    public Optional<String> providerErrorCode() {
        return Optional.ofNullable(providerErrorCode);
    }

    /** @return the provider's request id, for support tickets */
    public Optional<String> providerRequestId() {
        return Optional.ofNullable(providerRequestId);
    }

    /** @return the id of the connector that failed, when known */
    public Optional<String> connectorId() {
        return Optional.ofNullable(connectorId);
    }

    /**
     * Returns what to do about the failure, when the connector knows: for example "turn on SMTP AUTH for the mailbox,
     * or sign in with OAuth2 (XOAUTH2)". Written for the operator who configured the connector; never holds secrets.
     *
     * @return the remedy, if known
     */
    public Optional<String> remedy() {
        return Optional.ofNullable(remedy);
    }

    private static String format(Builder b) {
        StringBuilder s =
                new StringBuilder("[").append(b.code.wireCode()).append("] ").append(b.message);
        StringBuilder extra = new StringBuilder();
        append(extra, "connector", b.connectorId);
        append(extra, "status", b.providerStatus == null ? null : b.providerStatus.toString());
        append(extra, "provider code", b.providerErrorCode);
        append(extra, "request id", b.providerRequestId);
        append(extra, "retry after", b.retryAfter == null ? null : b.retryAfter.toString());
        if (extra.length() > 0) {
            s.append(" (").append(extra).append(')');
        }
        if (b.remedy != null) {
            s.append(s.charAt(s.length() - 1) == '.' ? " " : ". ")
                    .append("Remedy: ")
                    .append(b.remedy);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(name).append(": ").append(value);
        }
    }

    /** Builds an {@link EmailConnectorException}; every setter is optional. */
    public static final class Builder {
        private final ErrorCode code;
        private String message;
        private boolean retryable;
        private Duration retryAfter;
        private Integer providerStatus;
        private String providerErrorCode;
        private String providerRequestId;
        private String connectorId;
        private String remedy;
        private Throwable cause;
        private StackTraceElement[] stackTrace;
        private Throwable[] suppressed;

        private Builder(ErrorCode code, String message) {
            this.code = Objects.requireNonNull(code, "code");
            this.message = Objects.requireNonNull(message, "message");
            this.retryable = code.retryableByDefault();
        }

        /**
         * Replaces the message.
         *
         * @param message a description without secrets
         * @return this builder
         */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * Overrides the code's default retry answer.
         *
         * @param retryable whether trying again may succeed
         * @return this builder
         */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /**
         * Sets how long the provider asked to wait.
         *
         * @param retryAfter the delay, or null
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * Sets the provider's HTTP status or SMTP reply code.
         *
         * @param status the status
         * @return this builder
         */
        public Builder providerStatus(int status) {
            this.providerStatus = status;
            return this;
        }

        /**
         * Sets the provider's own error code.
         *
         * @param providerErrorCode the code, or null
         * @return this builder
         */
        public Builder providerErrorCode(String providerErrorCode) {
            this.providerErrorCode = providerErrorCode;
            return this;
        }

        /**
         * Sets the provider's request id.
         *
         * @param providerRequestId the id, or null
         * @return this builder
         */
        public Builder providerRequestId(String providerRequestId) {
            this.providerRequestId = providerRequestId;
            return this;
        }

        /**
         * Sets the id of the failing connector.
         *
         * @param connectorId the id, or null
         * @return this builder
         */
        public Builder connectorId(String connectorId) {
            this.connectorId = connectorId;
            return this;
        }

        /**
         * Says what the operator can do to fix the failure; it is appended to the message.
         *
         * @param remedy one or two sentences without secrets, or null for none
         * @return this builder
         */
        public Builder remedy(String remedy) {
            this.remedy = remedy == null || remedy.isBlank() ? null : remedy.strip();
            return this;
        }

        /**
         * Attaches the underlying failure.
         *
         * @param cause the cause, or null
         * @return this builder
         */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /**
         * Replaces the suppressed exceptions the new exception carries ({@link #toBuilder()} copies the original's).
         *
         * @param suppressed the exceptions
         * @return this builder
         */
        public Builder suppressed(java.util.List<? extends Throwable> suppressed) {
            this.suppressed = suppressed.toArray(new Throwable[0]);
            return this;
        }

        /**
         * Builds the exception.
         *
         * @return a new exception
         */
        public EmailConnectorException build() {
            EmailConnectorException e = new EmailConnectorException(this);
            if (stackTrace != null) {
                e.setStackTrace(stackTrace);
            }
            if (suppressed != null) {
                for (Throwable t : suppressed) {
                    e.addSuppressed(t);
                }
            }
            return e;
        }
    }
}
