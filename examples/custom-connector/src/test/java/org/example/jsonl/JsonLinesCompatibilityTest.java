package org.example.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the compatibility kit against the example connector; the "peer" is the file it writes. */
@DisplayName("JSON-lines example connector")
class JsonLinesCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("messages.jsonl");
    }

    @Override
    protected String connectorId() {
        return "jsonl-file";
    }

    @Override
    protected JsonNode validConfig() {
        ObjectNode config = JSON.createObjectNode()
                .put("file", file().toString())
                .put("fromEmail", "noreply@example.com")
                .put("signingKey", "0123456789abcdef0123");
        var templates = config.putArray("templates");
        for (TemplateType type : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("subject", type.wireName() + " code {{code}}")
                    .put("content", "Your code is {{code}}.")
                    .put("contentType", "text/plain");
        }
        return config;
    }

    @Override
    protected List<CapturedMessage> received() {
        if (!Files.exists(file())) {
            return List.of();
        }
        try {
            List<CapturedMessage> out = new ArrayList<>();
            for (String line : Files.readAllLines(file())) {
                JsonNode m = JSON.readTree(line);
                boolean html = m.get("contentType").asText().equals("text/html");
                out.add(CapturedMessage.of(
                        List.of(m.get("to").asText()),
                        m.get("subject").asText(),
                        html ? m.get("content").asText() : null,
                        m.get("text").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void resetPeer() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("each line is signed with the configured key")
    void linesAreSigned() throws IOException {
        connector.sendMessage(
                TemplateType.REGISTER,
                "someone@example.com",
                dev.emailconnectors.Payload.builder().code("777").build());
        JsonNode line = JSON.readTree(Files.readAllLines(file()).get(0));
        assertThat(line.get("subject").asText()).isEqualTo("Register code 777");
        assertThat(line.get("signature").asText()).matches("[A-Za-z0-9+/]{43}=");
    }
}
