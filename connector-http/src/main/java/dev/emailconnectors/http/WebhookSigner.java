package dev.emailconnectors.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;

/**
 * Computes Standard Webhooks {@code v1} signatures: base64 of HMAC-SHA256 over {@code id.timestamp.body} with each
 * secret. Thread-safe: each signature uses its own clone of a prepared {@link Mac}.
 */
final class WebhookSigner {
    private final List<WebhookSecret> secrets;
    private final List<Mac> prototypes;

    WebhookSigner(List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed");
        }
        this.secrets = List.copyOf(secrets);
        this.prototypes = secrets.stream().map(WebhookSigner::init).toList();
    }

    static WebhookSigner of(List<String> secrets) {
        return new WebhookSigner(secrets.stream().map(WebhookSecret::parse).toList());
    }

    /** @return the {@code webhook-signature} header value: {@code v1,<sig>} per secret, space-separated, first first */
    String header(String id, long timestamp, byte[] body) {
        StringBuilder out = new StringBuilder(50 * prototypes.size());
        for (byte[] signature : signatures(id, timestamp, body)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("v1,").append(Base64.getEncoder().encodeToString(signature));
        }
        return out.toString();
    }

    /** @return the raw signature for every secret, in order */
    List<byte[]> signatures(String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>(prototypes.size());
        for (int i = 0; i < prototypes.size(); i++) {
            Mac mac = copy(i);
            mac.update(prefix);
            out.add(mac.doFinal(body));
        }
        return out;
    }

    /** Compares in constant time. */
    static boolean matches(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    private static Mac init(WebhookSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret.key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Mac copy(int i) {
        try {
            return (Mac) prototypes.get(i).clone();
        } catch (CloneNotSupportedException e) {
            return init(secrets.get(i)); // a security provider whose MACs cannot be cloned
        }
    }
}
