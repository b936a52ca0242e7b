package org.example.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Describes the JSON-lines connector (id {@code jsonl-file}) and creates its sender. */
public final class JsonLinesProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(JsonLinesProvider.class, "schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            "jsonl-file",
            List.of("json-lines-file"),
            "jsonl-file",
            Map.of("en", "JSON-lines file", "de", "JSON-Lines-Datei"),
            Map.of(
                    "en", "Appends each message as one JSON line to a local file.",
                    "de", "Hängt jede Nachricht als JSON-Zeile an eine lokale Datei an."),
            "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxNiAxNiI+"
                    + "PHJlY3Qgd2lkdGg9IjE2IiBoZWlnaHQ9IjE2IiBmaWxsPSIjNTU1Ii8+PC9zdmc+",
            "Writes every message to `file`, one JSON object per line: id, type, to, from, subject, contentType,"
                    + " content, text, replyTo, and an HMAC-SHA256 `signature` when `signingKey` is set.");

    /** Creates the provider; ServiceLoader calls this. */
    public JsonLinesProvider() {}

    @Override
    public ConnectorMetadata metadata() {
        return METADATA;
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> problems = new ArrayList<>(ConfigSupport.requireTemplateTypes(
                config,
                "templates",
                TemplateType.REGISTER,
                TemplateType.SIGN_IN,
                TemplateType.FORGOT_PASSWORD,
                TemplateType.GENERIC));
        problems.addAll(ConfigSupport.checkTemplateSyntax(config, "templates"));
        return problems;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        String key = config.path("signingKey").asText(null);
        return new JsonLinesSender(
                Path.of(config.get("file").asText()), config.get("fromEmail").asText(), key);
    }
}
