package dev.emailconnectors.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.TemplateType;
import java.io.UncheckedIOException;

/** JSON helpers for building configurations. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a Logto-style templates array: every type, HTML content using {@code {{code}}}, {@code {{link}}} and
     * {@code {{user.name}}}, a subject with the user's name, and a sender display name from the payload.
     */
    static ObjectNode withTemplates(ObjectNode config, String contentTypeField) {
        ArrayNode templates = config.putArray("templates");
        for (TemplateType t : TemplateType.values()) {
            templates
                    .addObject()
                    .put("usageType", t.wireName())
                    .put("subject", t.wireName() + " for {{user.name}}: {{code}}")
                    .put(
                            "content",
                            "<p>Hello {{user.name}}, your code is <b>{{code}}</b>.</p>"
                                    + "<p><a href=\"{{link}}\">{{link}}</a> {{organization.name}}</p>")
                    .put(contentTypeField, "text/html");
        }
        return config;
    }
}
