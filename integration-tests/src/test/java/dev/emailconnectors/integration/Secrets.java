package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import java.util.ArrayList;
import java.util.List;

/** The sentinel planted in every secret field, and the secret values of a configuration. */
final class Secrets {
    /** A marker that appears in every secret value of the secret-leak suite, and nowhere else. */
    static final String SENTINEL = "Zq81SENTINEL7xkW";

    private Secrets() {}

    /** @return the value fixtures build their secret fields from */
    static String secret() {
        return "s3cr3t-" + SENTINEL + "-0123456789";
    }

    /**
     * Lists the secret values of a configuration: the values its redacted copy masks.
     *
     * @param catalog the catalog
     * @param id the connector id
     * @param config the configuration
     * @return the secret strings
     */
    static List<String> values(ConnectorCatalog catalog, String id, ObjectNode config) {
        List<String> out = new ArrayList<>();
        collect(config, catalog.redact(id, config), out);
        return out;
    }

    private static void collect(JsonNode config, JsonNode redacted, List<String> out) {
        if (config.isTextual() && redacted.isTextual() && redacted.asText().equals("***")) {
            out.add(config.asText());
        } else if (config.isObject()) {
            config.properties().forEach(e -> collect(e.getValue(), redacted.path(e.getKey()), out));
        } else if (config.isArray()) {
            for (int i = 0; i < config.size(); i++) {
                collect(config.get(i), redacted.path(i), out);
            }
        }
    }
}
