package dev.emailconnectors.spi;

import java.util.Objects;

/**
 * A connector configuration nested inside another connector's configuration, as in a failover connector's list of
 * members. The core validates, redacts and scrubs a nested configuration with the nested connector's own schema.
 *
 * @param path the JSON Pointer of the nested configuration object, for example {@code "/connectors/0/config"}
 * @param connectorId the id or alias of the connector that configuration is for
 */
public record NestedConnector(String path, String connectorId) {

    /** Checks that neither component is null. */
    public NestedConnector {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(connectorId, "connectorId");
    }
}
