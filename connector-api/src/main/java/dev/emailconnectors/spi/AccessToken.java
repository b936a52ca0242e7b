package dev.emailconnectors.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth2 access token and when it expires. Its {@link #toString()} never shows the value.
 *
 * @param value the token, as sent in {@code Authorization: Bearer} or the SMTP XOAUTH2 argument
 * @param expiresAt when it stops working, when known
 */
public record AccessToken(String value, Optional<Instant> expiresAt) {

    /** Checks that the value is present. */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("An access token cannot be empty");
        }
    }

    /**
     * Tells whether the token is still usable at a time.
     *
     * @param now the time
     * @return false once {@link #expiresAt()} is reached; true when the expiry is unknown
     */
    public boolean isValidAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "AccessToken[***" + expiresAt.map(e -> ", expires " + e).orElse("") + "]";
    }
}
