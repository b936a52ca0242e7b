package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.TemplateType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak renders every message itself, so the Logto-style {@code templates} array most connectors require is never
 * used. Where a configuration (or a {@code failover}/{@code resilient} member's) accepts one and has none, a minimal
 * array with the types Logto requires is added, so a realm configures only the transport.
 */
final class StandInTemplates {
    private static final List<TemplateType> REQUIRED =
            List.of(TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC);

    private StandInTemplates() {}

    /**
     * Returns a copy with stand-in templates wherever a connector configuration lacks them.
     *
     * @param catalog the catalog
     * @param connectorId the connector of the configuration
     * @param config the configuration
     * @return the completed copy
     */
    static JsonNode complete(ConnectorCatalog catalog, String connectorId, JsonNode config) {
        JsonNode copy = config.deepCopy();
        complete(catalog, Optional.of(connectorId), copy);
        return copy;
    }

    private static void complete(ConnectorCatalog catalog, Optional<String> connectorId, JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (connectorId.isPresent() && accepts(catalog, connectorId.get()) && !object.has("templates")) {
                ArrayNode templates = object.putArray("templates");
                for (TemplateType type : REQUIRED) {
                    templates
                            .addObject()
                            .put("usageType", type.wireName())
                            .put("subject", "{{code}}")
                            .put("content", "{{code}}");
                }
            }
            Optional<String> nested = nestedConnector(catalog, object);
            for (Map.Entry<String, JsonNode> f : object.properties()) {
                complete(catalog, f.getKey().equals("config") ? nested : Optional.empty(), f.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> complete(catalog, Optional.empty(), item));
        }
    }

    private static boolean accepts(ConnectorCatalog catalog, String connectorId) {
        return catalog.find(connectorId)
                .map(d -> d.configSchema().path("properties").has("templates"))
                .orElse(false);
    }

    /** A nested connector is an object with a connector {@code id} (or {@code connector}) and a {@code config}. */
    private static Optional<String> nestedConnector(ConnectorCatalog catalog, ObjectNode object) {
        if (!object.path("config").isObject()) {
            return Optional.empty();
        }
        for (String field : List.of("id", "connector")) {
            String id = object.path(field).asText("");
            if (catalog.find(id).isPresent()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
