package dev.emailconnectors;

import java.util.Objects;

/**
 * Identifies one send for a {@link SendListener}. Holds no recipient or payload data, so it is safe to use as metric
 * tags.
 *
 * @param connectorId the connector id
 * @param template the message type
 * @param attempt 1 for a first try, higher for retries
 * @param tenantId the tenant the host named in its {@link dev.emailconnectors.spi.ConnectorContext}
 */
public record SendEvent(String connectorId, TemplateType template, int attempt, String tenantId) {

    /** Checks that no component is null. */
    public SendEvent {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
