package dev.emailconnectors;

import java.util.Objects;
import java.util.Optional;

/**
 * One message to send: its type, the recipient, the payload, and optional delivery details. Immutable.
 *
 * <pre>{@code
 * SendRequest request = SendRequest.builder(TemplateType.SIGN_IN, "user@example.com", payload)
 *         .clientIp("203.0.113.7")           // forwarded by connectors that can use it (the HTTP webhook)
 *         .idempotencyKey(passcodeId)        // the same key means the same logical message
 *         .build();
 * }</pre>
 */
public final class SendRequest {
    private final TemplateType template;
    private final String to;
    private final Payload payload;
    private final String clientIp;
    private final String idempotencyKey;
    private final int attempt;
    private final RenderedContent content;

    private SendRequest(Builder b) {
        this.template = b.template;
        this.to = b.to;
        this.payload = b.payload;
        this.clientIp = b.clientIp;
        this.idempotencyKey = b.idempotencyKey;
        this.attempt = b.attempt;
        this.content = b.content;
    }

    /**
     * Creates a request with no optional details.
     *
     * @param template the message type
     * @param to the recipient address
     * @param payload the data to render
     * @return the request
     */
    public static SendRequest of(TemplateType template, String to, Payload payload) {
        return builder(template, to, payload).build();
    }

    /**
     * Starts building a request.
     *
     * @param template the message type
     * @param to the recipient address (checked when sent)
     * @param payload the data to render
     * @return a builder
     */
    public static Builder builder(TemplateType template, String to, Payload payload) {
        return new Builder(template, to, payload);
    }

    /** @return the message type */
    public TemplateType template() {
        return template;
    }

    /** @return the recipient address, unchecked */
    public String to() {
        return to;
    }

    /** @return the data to render */
    public Payload payload() {
        return payload;
    }

    /** @return the IP address of the user who triggered the message, when the host knows it */
    public Optional<String> clientIp() {
        return Optional.ofNullable(clientIp);
    }

    /**
     * Returns the key that identifies this logical message. Sends with the same key are the same message: retries
     * reuse it, connectors derive their provider-side idempotency or de-duplication ids from it (the HTTP webhook's
     * {@code webhook-id}, for example), and a de-duplicating layer sends it once.
     *
     * @return the key, if the host set one
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** @return 1 for a first try; retry layers count up, and observers see it */
    public int attempt() {
        return attempt;
    }

    /**
     * Returns the content the host rendered itself. When present, it is sent as given: no template is selected or
     * rendered, and the payload only travels where a connector forwards it (the HTTP webhook).
     *
     * @return the host-rendered content, if the host gave it
     */
    public Optional<RenderedContent> content() {
        return Optional.ofNullable(content);
    }

    /**
     * Returns a builder holding this request's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(template, to, payload)
                .clientIp(clientIp)
                .idempotencyKey(idempotencyKey)
                .attempt(attempt)
                .content(content);
    }

    @Override
    public String toString() {
        return "SendRequest{template=" + template + ", payload=" + payload + ", attempt=" + attempt
                + (content == null ? "" : ", " + content) + "}";
    }

    /** Builds a {@link SendRequest}. */
    public static final class Builder {
        private final TemplateType template;
        private final String to;
        private final Payload payload;
        private String clientIp;
        private String idempotencyKey;
        private int attempt = 1;
        private RenderedContent content;

        private Builder(TemplateType template, String to, Payload payload) {
            this.template = template;
            this.to = to;
            this.payload = payload;
        }

        /**
         * Sets the IP address of the user who triggered the message.
         *
         * @param clientIp the address, or null
         * @return this builder
         */
        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        /**
         * Sets the key identifying this logical message (for example the host's passcode id).
         *
         * @param idempotencyKey the key, or null
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Sets the attempt number (1 for the first try).
         *
         * @param attempt a positive number
         * @return this builder
         */
        public Builder attempt(int attempt) {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be at least 1");
            }
            this.attempt = attempt;
            return this;
        }

        /**
         * Sets content the host rendered itself, sent as given instead of a template (see {@link RenderedContent}).
         * The template type still names the kind of message, for metrics, limits and webhook receivers.
         *
         * @param content the content, or null to render a template as usual
         * @return this builder
         */
        public Builder content(RenderedContent content) {
            this.content = content;
            return this;
        }

        /**
         * Builds the request. The template, recipient and payload are checked when the request is sent, so that a bad
         * request fails with an {@link EmailConnectorException}.
         *
         * @return the request
         */
        public SendRequest build() {
            return new SendRequest(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SendRequest)) {
            return false;
        }
        SendRequest r = (SendRequest) o;
        return template == r.template
                && Objects.equals(to, r.to)
                && Objects.equals(payload, r.payload)
                && Objects.equals(clientIp, r.clientIp)
                && Objects.equals(idempotencyKey, r.idempotencyKey)
                && attempt == r.attempt
                && Objects.equals(content, r.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, to, payload, clientIp, idempotencyKey, attempt, content);
    }
}
