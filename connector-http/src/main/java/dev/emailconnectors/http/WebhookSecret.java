package dev.emailconnectors.http;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/** A Standard Webhooks symmetric secret: {@code whsec_} and the base64 of the HMAC key. Never shown. */
final class WebhookSecret {
    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final SecretKeySpec key;

    private WebhookSecret(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
    }

    /**
     * Parses a secret; the {@code whsec_} prefix is optional here, as in the reference libraries.
     *
     * @throws IllegalArgumentException without the secret in its message
     */
    static WebhookSecret parse(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a signing secret is empty");
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret is not valid base64 after 'whsec_'");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a signing secret has no key bytes");
        }
        return new WebhookSecret(key);
    }

    /**
     * Tells what is wrong with a configured secret: it must be {@code whsec_} and 24 to 64 bytes in base64.
     *
     * @return the problem, or null
     */
    static String problem(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return "must start with whsec_";
        }
        try {
            int bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
                return "must hold 24 to 64 random bytes (it holds " + bytes + ")";
            }
        } catch (IllegalArgumentException e) {
            return "must be whsec_ followed by base64";
        }
        return null;
    }

    SecretKeySpec key() {
        return key;
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
