package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import java.util.List;
import java.util.Map;

/** A test connector whose schema is exactly the shared snippets, to check them through the real validator. */
public final class OptionsProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = schema();

    /** Creates the provider. */
    public OptionsProvider() {}

    private static JsonNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.putArray("required").add("endpoint");
        s.set(
                "properties",
                ConfigSupport.loadSchema(HttpOptions.class, "http-options.schema.json")
                        .get("properties"));
        return s;
    }

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata(
                "okhttp-options-test",
                List.of(),
                "test",
                Map.of("en", "Options test"),
                Map.of("en", "Checks the shared HTTP options."),
                "https://example.com/logo.svg",
                "test");
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigViolation> validate(JsonNode config) {
        return HttpOptions.validate(config);
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        HttpOptions.from(config, null);
        return message -> {
            throw new EmailConnectorException(ErrorCode.NOT_IMPLEMENTED, "test only");
        };
    }
}
