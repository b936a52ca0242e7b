package dev.emailconnectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.emailconnectors.ConfigViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secret fields of a configuration, found in its schema ({@code "writeOnly": true}, through properties, items,
 * additional properties, combinators and local {@code $ref}s) and, as a safety net, by well-known names such as
 * {@code pass}, {@code apiKey} or {@code authorization}. Patterns are JSON Pointers where {@code *} matches any array
 * index or object key.
 */
public final class SecretFields {
    /** The mask that replaces secret values. */
    public static final String MASK = "***";

    private static final Set<String> SECRET_NAMES = Set.of(
            "pass",
            "password",
            "apikey",
            "api_key",
            "accesskeysecret",
            "secretaccesskey",
            "servertoken",
            "authorization",
            "clientsecret",
            "refreshtoken",
            "accesstoken",
            "privatekey",
            "signingsecret",
            "signingsecrets",
            "secret",
            "token",
            "apptoken",
            "appsecret",
            "signingkey");
    private static final int MAX_REF_DEPTH = 16;
    /** Secrets shorter than this are masked in configurations but not searched for in free text. */
    private static final int MIN_SCRUB_LENGTH = 4;

    private final Set<String> patterns;

    private SecretFields(Set<String> patterns) {
        this.patterns = Set.copyOf(patterns);
    }

    /**
     * Finds the secret fields declared by a schema.
     *
     * @param schema the JSON Schema
     * @return the secret fields
     */
    public static SecretFields of(JsonNode schema) {
        Set<String> out = new LinkedHashSet<>();
        walk(schema, schema, "", out, 0);
        return new SecretFields(out);
    }

    /** @return the JSON Pointer patterns of secret fields ({@code *} for any key or index) */
    public Set<String> patterns() {
        return patterns;
    }

    private static void walk(JsonNode root, JsonNode node, String path, Set<String> out, int depth) {
        if (node == null || !node.isObject() || depth > MAX_REF_DEPTH) {
            return;
        }
        if (node.path("writeOnly").asBoolean(false)) {
            out.add(path);
        }
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
            walk(root, root.at(ref.asText().substring(1)), path, out, depth + 1);
        }
        node.path("properties")
                .properties()
                .forEach(e -> walk(root, e.getValue(), path + "/" + e.getKey(), out, depth));
        node.path("patternProperties").forEach(p -> walk(root, p, path + "/*", out, depth));
        walk(root, node.get("additionalProperties"), path + "/*", out, depth);
        walk(root, node.get("items"), path + "/*", out, depth);
        int i = 0;
        for (JsonNode item : node.path("prefixItems")) {
            walk(root, item, path + "/" + i++, out, depth);
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            node.path(combinator).forEach(sub -> walk(root, sub, path, out, depth));
        }
        for (String conditional : List.of("if", "then", "else")) {
            walk(root, node.get(conditional), path, out, depth);
        }
    }

    /**
     * Returns a deep copy of a configuration with every secret value replaced by {@value #MASK} (structure kept).
     *
     * @param config the configuration
     * @return the redacted copy
     */
    public JsonNode redact(JsonNode config) {
        JsonNode copy = config.deepCopy();
        mask(copy, "", false);
        return copy;
    }

    /**
     * Returns a deep copy of a configuration whose schema is unknown (a nested configuration for a connector that is
     * not on the class path) with every value masked: nothing in it can be told apart from a secret.
     *
     * @param config the configuration
     * @return the copy, structure kept, every scalar {@value #MASK}
     */
    public static JsonNode redactAll(JsonNode config) {
        JsonNode copy = config.deepCopy();
        new SecretFields(Set.of()).mask(copy, "", true);
        return copy;
    }

    /**
     * Collects every scalar value of a configuration whose schema is unknown, for scrubbing free text.
     *
     * @param config the configuration
     * @return the values worth searching for, longest first
     */
    public static List<String> allValues(JsonNode config) {
        Set<String> out = new LinkedHashSet<>();
        new SecretFields(Set.of()).collect(config, "", true, out);
        return scrubbable(out);
    }

    /**
     * Collects the secret values of a configuration, longest first, for scrubbing free text.
     *
     * @param config the configuration
     * @return the secret strings worth searching for
     */
    public List<String> values(JsonNode config) {
        Set<String> out = new LinkedHashSet<>();
        collect(config, "", false, out);
        return scrubbable(out);
    }

    /** @return the values long enough to search for in free text, longest first */
    private static List<String> scrubbable(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.removeIf(s -> s.length() < MIN_SCRUB_LENGTH);
        list.sort((a, b) -> b.length() - a.length());
        return list;
    }

    /** Masks secret values that appear inside violation messages. */
    List<ConfigViolation> scrubViolations(JsonNode config, List<ConfigViolation> violations) {
        List<String> secrets = values(config);
        if (secrets.isEmpty()) {
            return violations;
        }
        List<ConfigViolation> out = new ArrayList<>();
        for (ConfigViolation v : violations) {
            out.add(new ConfigViolation(v.path(), Scrubber.scrub(v.message(), secrets)));
        }
        return out;
    }

    private boolean isSecret(String path, String fieldName) {
        if (fieldName != null && SECRET_NAMES.contains(fieldName.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String pattern : patterns) {
            if (matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String path) {
        String[] p = pattern.split("/", -1);
        String[] a = path.split("/", -1);
        if (p.length != a.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals("*") && !p[i].equals(a[i])) {
                return false;
            }
        }
        return true;
    }

    private void mask(JsonNode node, String path, boolean secret) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            List<String> leaves = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String child = path + "/" + e.getKey();
                boolean childSecret = secret || isSecret(child, e.getKey());
                if (e.getValue().isContainerNode()) {
                    mask(e.getValue(), child, childSecret);
                } else if (childSecret && !e.getValue().isNull()) {
                    leaves.add(e.getKey());
                }
            }
            leaves.forEach(k -> object.set(k, TextNode.valueOf(MASK)));
        } else if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String child = path + "/" + i;
                boolean childSecret = secret || isSecret(child, null);
                if (array.get(i).isContainerNode()) {
                    mask(array.get(i), child, childSecret);
                } else if (childSecret && !array.get(i).isNull()) {
                    array.set(i, TextNode.valueOf(MASK));
                }
            }
        }
    }

    private void collect(JsonNode node, String path, boolean secret, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = path + "/" + e.getKey();
                collect(e.getValue(), child, secret || isSecret(child, e.getKey()), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "/" + i;
                collect(node.get(i), child, secret || isSecret(child, null), out);
            }
        } else if (secret && node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
    }
}
