package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The hostile configurations of the bad-input suite, each derived from a connector's valid configuration. */
final class BadConfigs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final Predicate<Fixture> ALWAYS = f -> true;
    private static final Predicate<Fixture> NEVER = f -> false;

    private BadConfigs() {}

    /** The built-in service needs no configuration at all; every other connector has required fields. */
    private static boolean hasRequired(Fixture f) {
        return !f.id().equals("builtin");
    }

    /**
     * One hostile configuration.
     *
     * @param name what is wrong with it
     * @param derive builds it from a valid configuration
     * @param mustBeInvalid whether validation must refuse it for a fixture (otherwise it may pass, and sending must
     *     stay clean)
     */
    record Case(String name, Function<ObjectNode, JsonNode> derive, Predicate<Fixture> mustBeInvalid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        out.add(new Case("JSON null instead of an object", c -> F.nullNode(), ALWAYS));
        out.add(new Case("an array instead of an object", c -> F.arrayNode().add(c), ALWAYS));
        out.add(new Case("a string instead of an object", c -> F.textNode(c.toString()), ALWAYS));
        out.add(new Case("a number instead of an object", c -> F.numberNode(42), ALWAYS));
        out.add(new Case("an empty object (required fields missing)", c -> F.objectNode(), BadConfigs::hasRequired));
        out.add(new Case("an unknown top-level field", c -> c.deepCopy().put("noSuchOption", true), ALWAYS));
        out.add(new Case("every field with a value of the wrong type", BadConfigs::wrongTypes, ALWAYS));
        out.add(new Case("every string field with CR/LF and a header", c -> strings(c, "x\r\nX-Injected: yes"), NEVER));
        out.add(new Case("every string field 1 MB long", c -> strings(c, "y".repeat(1 << 20)), NEVER));
        out.add(new Case("every string field with NUL", c -> strings(c, "z\u0000z"), NEVER));
        out.add(new Case("a non-loopback plain-http endpoint", BadConfigs::plainHttpEndpoint, Fixture::usesEndpoint));
        out.add(new Case("an endpoint that is not a URL", c -> withEndpoint(c, "not a url"), Fixture::usesEndpoint));
        return out;
    }

    private static JsonNode wrongTypes(ObjectNode valid) {
        ObjectNode c = valid.deepCopy();
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode v = c.get(name);
            if (v.isTextual()) {
                c.put(name, 42);
            } else if (v.isNumber()) {
                c.put(name, "forty-two");
            } else if (v.isBoolean()) {
                c.put(name, "yes");
            } else if (v.isArray()) {
                c.putObject(name);
            } else {
                c.put(name, "an object was expected");
            }
        }
        return c;
    }

    /** Appends a hostile text to every string value (nested included), keeping the type. */
    private static JsonNode strings(ObjectNode valid, String suffix) {
        JsonNode c = valid.deepCopy();
        append(c, suffix);
        return c;
    }

    private static void append(JsonNode node, String suffix) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (v.isTextual() && !name.equals("id") && !name.equals("usageType")) {
                    o.put(name, v.asText() + suffix);
                } else {
                    append(v, suffix);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> append(n, suffix));
        }
    }

    private static JsonNode plainHttpEndpoint(ObjectNode valid) {
        return withEndpoint(valid, "http://mail.example.com/api");
    }

    /** Sets {@code endpoint} wherever the configuration (or a nested member's) has one. */
    private static JsonNode withEndpoint(ObjectNode valid, String endpoint) {
        ObjectNode c = valid.deepCopy();
        if (!setEndpoints(c, endpoint)) {
            c.put("endpoint", endpoint);
        }
        return c;
    }

    private static boolean setEndpoints(JsonNode node, String endpoint) {
        boolean found = false;
        if (node instanceof ObjectNode o) {
            if (o.has("endpoint")) {
                o.put("endpoint", endpoint);
                found = true;
            }
            for (JsonNode child : o) {
                found |= setEndpoints(child, endpoint);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                found |= setEndpoints(child, endpoint);
            }
        }
        return found;
    }
}
