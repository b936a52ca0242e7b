package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recipients a tenant must not send to: hard bounces, complaints, repeated soft bounces, manual entries. Every
 * connector created with a {@link ConnectorContext} holding a list checks the recipient against it before any I/O; a
 * listed recipient fails with {@link ErrorCode#RECIPIENT_SUPPRESSED}, which is not retryable.
 *
 * <pre>{@code
 * SuppressionList suppressions = new InMemorySuppressionList();          // or the JDBC one of connector-outbox
 * ConnectorContext context = ConnectorContext.builder().tenantId("acme").suppressionList(suppressions).build();
 * suppressions.add("acme", "bounced@example.com", SuppressionReason.HARD_BOUNCE, "ses");
 * suppressions.list("acme", null, 50);                                   // for an admin console
 * suppressions.remove("acme", "bounced@example.com");                    // the user fixed their mailbox
 * }</pre>
 *
 * <p>Entries are per tenant; addresses compare in their {@link EmailAddress#normalized() normalized} form.
 * Implementations must be thread-safe, and {@link #find} fast: it runs before every send.
 */
public interface SuppressionList {

    /**
     * Looks a recipient up.
     *
     * @param tenantId the tenant
     * @param recipient the checked recipient
     * @return the entry that blocks sending to it, if there is one and it has not expired
     */
    Optional<Suppression> find(String tenantId, EmailAddress recipient);

    /**
     * Adds an entry, replacing the tenant's entry for the same address if there is one.
     *
     * @param suppression the entry
     */
    void add(Suppression suppression);

    /**
     * Adds an entry that applies for good, created now; the short form for manual entries and event feeds.
     *
     * @param tenantId the tenant
     * @param address the recipient
     * @param reason why
     * @param source who adds it, for example {@code "admin"} or {@code "ses"}
     * @return the entry added
     * @throws dev.emailconnectors.EmailConnectorException with {@code INVALID_RECIPIENT} for a malformed address
     */
    default Suppression add(String tenantId, String address, SuppressionReason reason, String source) {
        Suppression entry = Suppression.of(tenantId, address, reason, source, Instant.now());
        add(entry);
        return entry;
    }

    /**
     * Removes a tenant's entry for an address.
     *
     * @param tenantId the tenant
     * @param address the recipient
     * @return true when there was an entry
     */
    boolean remove(String tenantId, String address);

    /**
     * Lists a tenant's entries (expired ones included until they are purged), ordered by normalized address, one page
     * at a time: pass the last address of a page as {@code after} to get the next.
     *
     * @param tenantId the tenant
     * @param after the last address of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return up to {@code limit} entries
     */
    List<Suppression> list(String tenantId, String after, int limit);

    /**
     * Returns the list that holds nothing and refuses additions: the default of a {@link ConnectorContext}.
     *
     * @return the empty list
     */
    static SuppressionList none() {
        return NoSuppressions.INSTANCE;
    }
}

/** The empty list: nothing is suppressed. */
enum NoSuppressions implements SuppressionList {
    INSTANCE;

    @Override
    public Optional<Suppression> find(String tenantId, EmailAddress recipient) {
        return Optional.empty();
    }

    @Override
    public void add(Suppression suppression) {
        throw new UnsupportedOperationException(
                "No suppression list is configured; register one with ConnectorContext.Builder.suppressionList");
    }

    @Override
    public boolean remove(String tenantId, String address) {
        return false;
    }

    @Override
    public List<Suppression> list(String tenantId, String after, int limit) {
        return List.of();
    }
}
