package dev.emailconnectors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The receipt for a message the provider <em>accepted for delivery</em>. Acceptance is not delivery: the provider may
 * still bounce, defer or drop the message later; those outcomes reach you through the provider's own webhooks or
 * logs, keyed by {@link #providerMessageId()}.
 *
 * @param connectorId the id of the connector that handed the message over (for a failover connector, the member)
 * @param providerMessageId the provider's id for the message, when the provider returns one
 * @param acceptedAt when the provider accepted it, by the connector's clock
 * @param details further facts a connector reports, such as {@code outboxFile} for the built-in outbox or
 *     {@code via} for the members a composite connector went through
 */
public record SendResult(
        String connectorId, Optional<String> providerMessageId, Instant acceptedAt, Map<String, String> details) {

    /** Checks the components and copies the details. */
    public SendResult {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        details = Map.copyOf(details);
    }

    /**
     * Creates a result without details.
     *
     * @param connectorId the connector id
     * @param providerMessageId the provider's message id, or null
     * @param acceptedAt the acceptance time
     * @return the result
     */
    public static SendResult of(String connectorId, String providerMessageId, Instant acceptedAt) {
        return new SendResult(connectorId, Optional.ofNullable(providerMessageId), acceptedAt, Map.of());
    }

    /**
     * Returns a copy with one more detail.
     *
     * @param key the detail name
     * @param value the detail value
     * @return the new result
     */
    public SendResult withDetail(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new SendResult(connectorId, providerMessageId, acceptedAt, more);
    }

    /**
     * Returns a copy attributed to another connector id (used by composite connectors).
     *
     * @param id the connector id
     * @return the new result
     */
    public SendResult withConnectorId(String id) {
        return new SendResult(id, providerMessageId, acceptedAt, details);
    }
}
