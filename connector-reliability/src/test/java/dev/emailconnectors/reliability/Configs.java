package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.TemplateType;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds configurations for the tests. */
final class Configs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "mem-key-0123456789";

    private Configs() {}

    /** A memory connector configuration pointing at a peer, with text templates that show the code. */
    static ObjectNode memory(String peer) {
        ObjectNode c = JSON.createObjectNode()
                .put("peer", peer)
                .put("fromEmail", "noreply@example.com")
                .put("apiKey", API_KEY);
        ArrayNode templates = c.putArray("templates");
        for (TemplateType t : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", t.wireName())
                    .put("subject", t.wireName() + " {{code}}")
                    .put("content", "Your code is {{code}}.")
                    .put("contentType", "text/plain");
        }
        return c;
    }

    /** A member entry: {@code {"id": id, "config": config}}. */
    static ObjectNode member(String id, JsonNode config) {
        ObjectNode m = JSON.createObjectNode().put("id", id);
        m.set("config", config);
        return m;
    }

    /** A failover configuration over memory peers. */
    static ObjectNode failover(String... peers) {
        ObjectNode c = JSON.createObjectNode();
        ArrayNode list = c.putArray("connectors");
        for (String p : peers) {
            list.add(member("memory", memory(p)).put("name", p));
        }
        return c;
    }

    /** A resilient configuration over one memory peer, with the given parts (JSON text, may be empty). */
    static ObjectNode resilient(String peer, String parts) {
        ObjectNode c = (ObjectNode) parse(parts.isEmpty() ? "{}" : parts);
        c.set("connector", member("memory", memory(peer)));
        return c;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
