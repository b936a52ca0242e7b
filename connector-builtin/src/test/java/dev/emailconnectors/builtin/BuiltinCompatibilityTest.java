package dev.emailconnectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the compatibility kit against the built-in service; the peer is its outbox directory. */
@DisplayName("Built-in service compatibility")
class BuiltinCompatibilityTest extends EmailConnectorCompatibilityKit {
    @TempDir
    Path outbox;

    @Override
    protected String connectorId() {
        return "builtin";
    }

    @Override
    protected JsonNode validConfig() {
        return Fixtures.branding().put("appId", "legacy-app").put("appSecret", "legacy-secret-value");
    }

    @Override
    protected ConnectorContext context() {
        return Fixtures.outbox(outbox);
    }

    @Override
    protected List<CapturedMessage> received() {
        try {
            List<CapturedMessage> out = new ArrayList<>();
            for (Path file : Eml.files(outbox)) {
                Eml eml = Eml.parse(file);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (var h : Collections.list(eml.mime().getAllHeaders())) {
                    headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
                }
                out.add(new CapturedMessage(
                        eml.to(),
                        java.util.Optional.ofNullable(eml.subject()),
                        java.util.Optional.ofNullable(eml.html()),
                        eml.text(),
                        headers));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void resetPeer() {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("each built-in message lands as one .eml whose path the result reports")
    void outboxFileReported() throws Exception {
        SendResult result = connector.sendMessage(
                TemplateType.MFA_VERIFICATION,
                "someone@example.com",
                Payload.builder().code("246810").locale("zh-CN").build());
        Path file = Path.of(result.details().get("outboxFile"));
        assertThat(Eml.files(outbox)).containsExactly(file);
        Eml eml = Eml.parse(file);
        assertThat(eml.subject()).isEqualTo("你的两步验证码");
        assertThat(eml.text()).contains("246810");
        assertThat(eml.html()).contains("246810");
    }
}
