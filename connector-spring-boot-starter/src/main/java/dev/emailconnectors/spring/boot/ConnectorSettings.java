package dev.emailconnectors.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.emailconnectors.ConnectorCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * One JSON configuration read from the properties: either a nested map under a property prefix or a JSON file, never
 * both. Remembers where it came from, to name problems by property or by file.
 *
 * @param json the configuration
 * @param origin the property prefix ({@code email-connectors.config}) or the file's description
 * @param fromFile whether it was read from a file
 */
record ConnectorSettings(JsonNode json, String origin, boolean fromFile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the settings.
     *
     * @param prefix the map's property name, for messages
     * @param map the bound map (empty when not set)
     * @param fileProperty the file's property name, for messages
     * @param file the file, or null
     * @param connectorId the connector whose schema guides conversion of string values
     * @param catalog the catalog
     * @return the settings, or empty when neither is set
     */
    static Optional<ConnectorSettings> read(
            String prefix,
            Map<String, Object> map,
            String fileProperty,
            Resource file,
            String connectorId,
            ConnectorCatalog catalog) {
        boolean hasMap = map != null && !map.isEmpty();
        if (hasMap && file != null) {
            throw new InvalidEmailConnectorConfigException(
                    "Two configurations are given",
                    List.of("set either " + prefix + ".* or " + fileProperty + ", not both"),
                    null);
        }
        if (file != null) {
            JsonNode json = readFile(fileProperty, file);
            return Optional.of(
                    new ConnectorSettings(ConfigTree.coerce(json, connectorId, catalog), file.getDescription(), true));
        }
        if (hasMap) {
            return Optional.of(new ConnectorSettings(
                    ConfigTree.coerce(ConfigTree.toJson(map), connectorId, catalog), prefix, false));
        }
        return Optional.empty();
    }

    private static JsonNode readFile(String property, Resource file) {
        try (InputStream in = file.getInputStream()) {
            JsonNode json = JSON.readTree(in);
            if (json == null || !json.isObject()) {
                throw new InvalidEmailConnectorConfigException(
                        "Cannot use " + property, List.of(file.getDescription() + " must hold one JSON object"), null);
            }
            return json;
        } catch (IOException e) {
            throw new InvalidEmailConnectorConfigException(
                    "Cannot read " + property,
                    List.of(file.getDescription() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()),
                    e);
        }
    }

    /** @return an empty configuration, for a connector that needs none (such as {@code builtin}) */
    static ConnectorSettings empty(String prefix) {
        return new ConnectorSettings(JsonNodeFactory.instance.objectNode(), prefix, false);
    }

    /**
     * Names the place a JSON Pointer refers to: the property, or the pointer inside the file.
     *
     * @param pointer the JSON Pointer
     * @return for example {@code email-connectors.config.auth.pass} or {@code file [/etc/smtp.json] at /auth/pass}
     */
    String locate(String pointer) {
        if (fromFile) {
            return origin + " at " + (pointer.isEmpty() ? "/" : pointer);
        }
        return ConfigTree.propertyName(origin, pointer, json);
    }
}
