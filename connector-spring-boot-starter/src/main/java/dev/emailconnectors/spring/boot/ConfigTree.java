package dev.emailconnectors.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ConnectorDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a configuration bound by Spring (nested maps, lists, and strings from properties files or environment
 * variables) into the JSON a connector validates, and maps JSON Pointers back to property names.
 */
final class ConfigTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INDEX = Pattern.compile("\\[?(\\d+)]?");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.*)]");

    private ConfigTree() {}

    /**
     * Converts a bound value to JSON. Maps whose keys are exactly 0..n-1 (how Spring binds a YAML list or
     * {@code x[0]} properties into a map of objects) become arrays.
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            Optional<List<Object>> list = asList(map);
            if (list.isPresent()) {
                return toJson(list.get());
            }
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(unbracket(String.valueOf(k)), toJson(v)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Object[] items) {
            return toJson(List.of(items));
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return JSON.valueToTree(value instanceof CharSequence ? value.toString() : value);
        }
        return NODES.textNode(value.toString());
    }

    private static Optional<List<Object>> asList(Map<?, ?> map) {
        if (map.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<Integer, Object> byIndex = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Matcher m = INDEX.matcher(String.valueOf(e.getKey()));
            if (!m.matches() || m.group(1).length() > 4) {
                return Optional.empty();
            }
            byIndex.put(Integer.parseInt(m.group(1)), e.getValue());
        }
        if (byIndex.firstKey() != 0 || byIndex.lastKey() != byIndex.size() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(byIndex.values()));
    }

    private static String unbracket(String key) {
        Matcher m = BRACKETED.matcher(key);
        return m.matches() ? m.group(1) : key;
    }

    /**
     * Converts string values to numbers or booleans where the connector's schema expects one and no string, in
     * place. A nested connector configuration (an object with a connector {@code id} or {@code connector} and a
     * {@code config}) is converted with that connector's schema.
     */
    static JsonNode coerce(JsonNode config, String connectorId, ConnectorCatalog catalog) {
        JsonNode schema =
                catalog.find(connectorId).map(ConnectorDescriptor::configSchema).orElse(NODES.objectNode());
        return coerce(config, schema, catalog);
    }

    private static JsonNode coerce(JsonNode node, JsonNode schema, ConnectorCatalog catalog) {
        if (node.isTextual()) {
            return convert(node.asText(), types(schema));
        }
        if (node instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            Optional<String> nested = nestedConnector(object, catalog);
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode childSchema = nested.isPresent() && name.equals("config")
                        ? catalog.require(nested.get()).configSchema()
                        : properties.path(name);
                object.set(name, coerce(object.get(name), childSchema, catalog));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, coerce(array.get(i), schema.path("items"), catalog));
            }
        }
        return node;
    }

    private static Optional<String> nestedConnector(ObjectNode object, ConnectorCatalog catalog) {
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

    private static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        }
        type.forEach(t -> types.add(t.asText()));
        for (String combinator : List.of("oneOf", "anyOf")) {
            schema.path(combinator).forEach(branch -> types.addAll(types(branch)));
        }
        return types;
    }

    private static JsonNode convert(String text, List<String> types) {
        if (types.isEmpty() || types.contains("string")) {
            return NODES.textNode(text);
        }
        String trimmed = text.trim();
        if (types.contains("boolean") && (trimmed.equals("true") || trimmed.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(trimmed));
        }
        if (types.contains("integer") && trimmed.matches("-?\\d{1,18}")) {
            long value = Long.parseLong(trimmed);
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        if (types.contains("number") && trimmed.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return NODES.numberNode(new BigDecimal(trimmed));
        }
        return NODES.textNode(text);
    }

    /**
     * Names a JSON Pointer as a property, for example {@code /templates/2/subject} under {@code email-connectors.config}
     * as {@code email-connectors.config.templates[2].subject}.
     */
    static String propertyName(String prefix, String pointer, JsonNode config) {
        StringBuilder name = new StringBuilder(prefix);
        JsonNode node = config;
        if (pointer.isEmpty()) {
            return name.toString();
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray() && segment.matches("\\d+")) {
                name.append('[').append(segment).append(']');
                node = node.get(Integer.parseInt(segment));
            } else {
                boolean plain = segment.matches("[A-Za-z0-9-]+");
                name.append(plain ? "." + segment : "[" + segment + "]");
                node = node == null ? null : node.get(segment);
            }
        }
        return name.toString();
    }
}
