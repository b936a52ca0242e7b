package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line over the reliability connectors, its handling of malformed files, and its output's secrecy. */
@DisplayName("Command line")
class CliTest {
    static final WebhookFixture WEBHOOK = new WebhookFixture();
    static final List<String> MALFORMED =
            List.of("{", "{\"host\":}", "[1, 2", "nul", "", "{\"a\":1}}", "\uFEFF{\"a\":");

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        WEBHOOK.reset();
    }

    @AfterAll
    static void stop() {
        WEBHOOK.close();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A failover whose first member is SMTP on a closed port and whose second is the live loopback webhook. */
    private ObjectNode failover(String authorization) {
        ObjectNode smtp = Json.object()
                .put("host", "127.0.0.1")
                .put("port", Ports.closed())
                .put("fromEmail", "noreply@example.com")
                .put("ignoreTLS", true)
                .put("connectionTimeout", 2000);
        Json.withTemplates(smtp, "contentType");
        ObjectNode webhook =
                Json.object().put("endpoint", WEBHOOK.peer.url("/email")).put("authorization", authorization);
        ObjectNode config = Json.object();
        var members = config.putArray("connectors");
        members.addObject().put("id", "smtp").put("name", "primary-smtp").set("config", smtp);
        members.addObject().put("id", "http").put("name", "backup-webhook").set("config", webhook);
        return config;
    }

    @Nested
    @DisplayName("Sending through failover")
    class Failover {
        @Test
        @DisplayName("a closed first member and a live second: accepted once, naming the member that accepted")
        void namesTheMember() throws IOException {
            Path config = write(
                    "failover.json", failover("Bearer ${env:WEBHOOK_TOKEN}").toPrettyString());
            Cli.Result r = Cli.run(
                    Map.of("WEBHOOK_TOKEN", "tok-9f8e7d6c5b4a"),
                    "send",
                    "failover",
                    "--config",
                    config.toString(),
                    "--to",
                    "user@example.com",
                    "--template",
                    "SignIn",
                    "--code",
                    "424242");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out())
                    .contains("Accepted by failover")
                    .contains("member: backup-webhook")
                    .contains("via: primary-smtp:provider_unavailable,backup-webhook:accepted");
            assertThat(WEBHOOK.peer.accepted()).hasSize(1);
            assertThat(HttpPeer.body(WEBHOOK.peer.accepted().get(0))).contains("424242");
            assertThat(WEBHOOK.peer.accepted().get(0).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer tok-9f8e7d6c5b4a");
        }

        @Test
        @DisplayName("--json gives the member and the path in the result's details")
        void json() throws IOException {
            Path config = write("failover.json", failover("Bearer tok-1").toString());
            Cli.Result r = Cli.run(
                    Map.of(),
                    "send",
                    "failover",
                    "--config",
                    config.toString(),
                    "--to",
                    "user@example.com",
                    "--template",
                    "SignIn",
                    "--json");
            assertThat(r.exitCode()).as(r.all()).isZero();
            JsonNode json = Json.parse(r.out());
            assertThat(json.path("connectorId").asText()).isEqualTo("failover");
            assertThat(json.at("/details/member").asText()).isEqualTo("backup-webhook");
            assertThat(json.at("/details/memberIndex").asText()).isEqualTo("1");
        }
    }

    @Nested
    @DisplayName("Secrets in command-line output")
    class Secrecy {
        private List<String> leaks(Cli.Result r) {
            List<String> out = new ArrayList<>(Leaks.find(Secrets.SENTINEL, "stdout", r.out()));
            out.addAll(Leaks.find(Secrets.SENTINEL, "stderr", r.err()));
            return out;
        }

        @Test
        @DisplayName("validate, send with refused credentials, and send --json print no sentinel")
        void noSentinel() throws IOException {
            ObjectNode config = failover("Bearer " + Secrets.secret());
            ((ObjectNode) config.at("/connectors/1/config"))
                    .putObject("headers")
                    .put("X-Api-Key", Secrets.secret());
            ((ObjectNode) config.at("/connectors/0/config"))
                    .putObject("auth")
                    .put("user", "mailer")
                    .put("pass", Secrets.secret());
            Path good = write("good.json", config.toString());
            ObjectNode broken = config.deepCopy();
            ((ObjectNode) broken.at("/connectors/0/config"))
                    .put("port", "not a port")
                    .put("bogus", 1);
            Path bad = write("bad.json", broken.toString());
            WEBHOOK.failWithProviderError("refused");
            List<Cli.Result> results = List.of(
                    Cli.run(Map.of(), "validate", "failover", "--config", bad.toString()),
                    Cli.run(Map.of(), "validate", "failover", "--config", bad.toString(), "--json"),
                    Cli.run(Map.of(), "send", "failover", "--config", bad.toString(), "--to", "user@example.com"),
                    Cli.run(Map.of(), "send", "failover", "--config", good.toString(), "--to", "user@example.com"),
                    Cli.run(
                            Map.of(),
                            "send",
                            "failover",
                            "--config",
                            good.toString(),
                            "--to",
                            "user@example.com",
                            "--json"),
                    Cli.run(Map.of(), "test", "failover", "--config", good.toString(), "--to", "user@example.com"));
            assertThat(results.get(0).exitCode()).isEqualTo(2);
            assertThat(results.get(3).exitCode()).as(results.get(3).all()).isEqualTo(1);
            for (Cli.Result r : results) {
                assertThat(leaks(r)).as(r.all()).isEmpty();
            }
        }
    }

    static Stream<Arguments> malformed() {
        return MALFORMED.stream().flatMap(json -> EmailConnectors.discover().providers().stream()
                .map(ConnectorDescriptor::id)
                .map(id -> Arguments.of(id, json)));
    }

    @Nested
    @DisplayName("Malformed JSON configurations")
    class Malformed {
        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("dev.emailconnectors.integration.CliTest#malformed")
        @DisplayName("end in a usage error (exit 2) with a message, never a stack trace")
        void refused(String id, String json) throws IOException {
            Path file = write("config.json", json);
            Cli.Result r = Cli.run(Map.of(), "validate", id, "--config", file.toString());
            assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains("error").doesNotContain("\tat ").doesNotContain("Exception:");
        }
    }
}
