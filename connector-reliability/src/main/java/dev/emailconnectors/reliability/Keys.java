package dev.emailconnectors.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Store keys: namespaced by tenant and purpose, with the caller's value hashed (no addresses in a shared store). */
final class Keys {
    private Keys() {}

    static String of(String tenant, String purpose, String value) {
        return tenant + "/" + purpose + "/" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
