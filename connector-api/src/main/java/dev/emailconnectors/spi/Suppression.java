package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link SuppressionList}: a recipient that a tenant must not send to, why, who said so, and until when.
 * Immutable.
 *
 * <pre>{@code
 * suppressions.add(Suppression.of("acme", "user@example.com", SuppressionReason.HARD_BOUNCE, "ses", clock.instant())
 *         .withDetail("550 5.1.1 user unknown"));
 * }</pre>
 *
 * @param tenantId the tenant whose sends the entry blocks
 * @param address the recipient, {@link EmailAddress#normalized() normalized} (lower case, punycode domain)
 * @param reason why it is suppressed
 * @param source who added it: {@code "admin"}, {@code "cli"}, a provider's event feed such as {@code "ses"}
 * @param createdAt when it was added
 * @param expiresAt when it stops applying (soft bounces, typically), or empty for good
 * @param detail a note: the bounce's diagnostic, a ticket number; never a secret
 */
public record Suppression(
        String tenantId,
        String address,
        SuppressionReason reason,
        String source,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<String> detail) {

    /** Checks the components and normalizes the address. */
    public Suppression {
        Objects.requireNonNull(tenantId, "tenantId");
        address = EmailAddress.parse(Objects.requireNonNull(address, "address")).normalized();
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Creates an entry that applies for good, without a detail.
     *
     * @param tenantId the tenant
     * @param address the recipient (checked and normalized)
     * @param reason why
     * @param source who added it
     * @param createdAt when
     * @return the entry
     * @throws dev.emailconnectors.EmailConnectorException with {@code INVALID_RECIPIENT} for a malformed address
     */
    public static Suppression of(
            String tenantId, String address, SuppressionReason reason, String source, Instant createdAt) {
        return new Suppression(tenantId, address, reason, source, createdAt, Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy that stops applying at a time.
     *
     * @param expiresAt the end, or null for good
     * @return the new entry
     */
    public Suppression withExpiresAt(Instant expiresAt) {
        return new Suppression(tenantId, address, reason, source, createdAt, Optional.ofNullable(expiresAt), detail);
    }

    /**
     * Returns a copy with a note.
     *
     * @param detail the note, or null
     * @return the new entry
     */
    public Suppression withDetail(String detail) {
        return new Suppression(tenantId, address, reason, source, createdAt, expiresAt, Optional.ofNullable(detail));
    }

    /**
     * Tells whether the entry applies at a time.
     *
     * @param now the time
     * @return false once {@link #expiresAt()} has passed
     */
    public boolean activeAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }
}
