package dev.emailconnectors.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks Standard Webhooks signatures on the receiving side, for a JVM service that receives this connector's
 * requests: the {@code webhook-signature} must hold a {@code v1} signature that matches one of your secrets (several
 * are allowed, for rotation), compared in constant time, and {@code webhook-timestamp} must be within the tolerance
 * (default 5 minutes) of your clock, so a captured request cannot be replayed later. Thread-safe; build it once.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("EMAIL_WEBHOOK_SECRET"));
 *
 * // in your handler, with the raw body bytes exactly as received
 * try {
 *     verifier.verify(request::getHeader, body);
 * } catch (WebhookVerificationException e) {
 *     response.sendError(401);
 *     return;
 * }
 * String id = request.getHeader("webhook-id");      // the same for every retry: drop duplicates by it
 * }</pre>
 */
public final class WebhookVerifier {
    /** The default timestamp tolerance, as in the Standard Webhooks reference libraries. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final WebhookSigner signer;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(Builder b) {
        this.signer = new WebhookSigner(b.secrets);
        this.tolerance = b.tolerance;
        this.clock = b.clock;
    }

    /**
     * Creates a verifier with the default tolerance and the system clock.
     *
     * @param secrets one or more secrets ({@code whsec_…}; the prefix is optional)
     * @return the verifier
     * @throws IllegalArgumentException when there is no secret or one is not base64
     */
    public static WebhookVerifier of(String... secrets) {
        Builder b = builder();
        for (String s : secrets) {
            b.secret(s);
        }
        return b.build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a request, reading the three {@code webhook-*} headers through a lookup such as
     * {@code request::getHeader}.
     *
     * @param headers returns a header's value by name ({@code webhook-id}, {@code webhook-timestamp},
     *     {@code webhook-signature}), or null when absent
     * @param body the raw request body, exactly as received
     * @throws WebhookVerificationException when the request must not be trusted
     */
    public void verify(Function<String, String> headers, byte[] body) throws WebhookVerificationException {
        verify(
                headers.apply("webhook-id"),
                headers.apply("webhook-timestamp"),
                headers.apply("webhook-signature"),
                body);
    }

    /**
     * Verifies a request.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (Unix seconds)
     * @param signatures the {@code webhook-signature} header: space-separated {@code version,base64} entries
     * @param body the raw request body, exactly as received
     * @throws WebhookVerificationException when the request must not be trusted
     */
    public void verify(String id, String timestamp, String signatures, byte[] body)
            throws WebhookVerificationException {
        if (id == null || id.isEmpty() || timestamp == null || signatures == null || body == null) {
            throw new WebhookVerificationException("Missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - tolerance.getSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is too old");
        }
        if (seconds > now + tolerance.getSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is too far in the future");
        }
        List<byte[]> given = v1Signatures(signatures);
        boolean matched = false;
        for (byte[] expected : signer.signatures(id, seconds, body)) {
            for (byte[] candidate : given) {
                matched |= WebhookSigner.matches(expected, candidate); // no early exit: constant time per pair
            }
        }
        if (!matched) {
            throw new WebhookVerificationException("No webhook-signature matches");
        }
    }

    /**
     * Verifies a request whose body is text.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header
     * @param signatures the {@code webhook-signature} header
     * @param body the body, encoded as UTF-8 for verification
     * @throws WebhookVerificationException when the request must not be trusted
     */
    public void verify(String id, String timestamp, String signatures, String body)
            throws WebhookVerificationException {
        verify(id, timestamp, signatures, Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    private static List<byte[]> v1Signatures(String header) {
        List<byte[]> out = new ArrayList<>();
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1")) {
                try {
                    out.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "WebhookVerifier{tolerance=" + tolerance + "}";
    }

    /** Builds a {@link WebhookVerifier}. */
    public static final class Builder {
        private final List<WebhookSecret> secrets = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Adds a secret; a request signed with any of them is accepted.
         *
         * @param secret {@code whsec_} and the base64 key (the prefix is optional)
         * @return this builder
         * @throws IllegalArgumentException when the secret is empty or not base64
         */
        public Builder secret(String secret) {
            secrets.add(WebhookSecret.parse(secret));
            return this;
        }

        /**
         * Sets how far {@code webhook-timestamp} may be from the clock, either way.
         *
         * @param tolerance the tolerance, default 5 minutes
         * @return this builder
         */
        public Builder tolerance(Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("tolerance must not be negative");
            }
            this.tolerance = tolerance;
            return this;
        }

        /**
         * Sets the clock timestamps are compared with.
         *
         * @param clock the clock, default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException when no secret was added
         */
        public WebhookVerifier build() {
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("at least one secret is needed");
            }
            return new WebhookVerifier(this);
        }
    }
}
