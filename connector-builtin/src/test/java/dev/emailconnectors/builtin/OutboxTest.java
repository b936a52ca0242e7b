package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static dev.emailconnectors.builtin.Fixtures.fullPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Outbox delivery")
class OutboxTest {
    @TempDir
    Path dir;

    private SendResult send(ConnectorContext context, TemplateType type, Payload payload) {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context)) {
            return c.sendMessage(type, "user@example.com", payload);
        }
    }

    @Nested
    @DisplayName("The .eml file")
    class File {
        @Test
        @DisplayName("parses as a UTF-8 multipart/alternative MIME message with the code in both parts")
        void parsesWithCodeInBothParts() throws Exception {
            SendResult result = send(Fixtures.outbox(dir), TemplateType.SIGN_IN, fullPayload("en"));
            Path file = Path.of(result.details().get("outboxFile"));
            assertThat(file).exists().hasParent(dir.toAbsolutePath().normalize());
            assertThat(Eml.files(dir)).containsExactly(file);
            Eml eml = Eml.parse(file);
            assertThat(eml.contentType()).startsWith("multipart/alternative");
            assertThat(eml.text()).contains("493817").doesNotContain("<p");
            assertThat(eml.html()).contains("493817").contains("<table");
            assertThat(eml.to()).containsExactly("user@example.com");
            assertThat(eml.subject()).isEqualTo("Your sign-in code");
            assertThat(eml.from().getAddress()).isEqualTo("no-reply@localhost");
            assertThat(eml.from().getPersonal()).isEqualTo("Acme Cloud");
            assertThat(eml.mime().getHeader("Message-ID")[0])
                    .contains(result.providerMessageId().orElseThrow());
            assertThat(eml.mime().getSentDate()).isNotNull();
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.US_ASCII))
                    .contains("charset=UTF-8");
        }

        @Test
        @DisplayName("non-ASCII subjects and bodies survive the round trip")
        void unicode() throws Exception {
            SendResult result = send(Fixtures.outbox(dir), TemplateType.ORGANIZATION_INVITATION, fullPayload("ja"));
            Eml eml = Eml.parse(Path.of(result.details().get("outboxFile")));
            assertThat(eml.subject()).isEqualTo("Globex への招待");
            assertThat(eml.text()).contains("Grace Hopper さんから");
            assertThat(eml.html()).contains("招待を承諾");
        }

        @Test
        @DisplayName("a plain-text host template becomes a single text/plain message")
        void plainText() throws Exception {
            ConnectorContext context = Fixtures.outbox(dir).toBuilder()
                    .templateResolver(new dev.emailconnectors.testkit.MapTemplateSource()
                            .put(
                                    "",
                                    dev.emailconnectors.EmailTemplate.text(
                                                    TemplateType.SIGN_IN, "Code {{code}}", "Your code: {{code}}")
                                            .withReplyTo("help@example.com")))
                    .build();
            SendResult result = send(context, TemplateType.SIGN_IN, fullPayload("en"));
            Eml eml = Eml.parse(Path.of(result.details().get("outboxFile")));
            assertThat(eml.contentType()).startsWith("text/plain");
            assertThat(eml.text()).isEqualTo("Your code: 493817");
            assertThat(eml.mime().getReplyTo()[0].toString()).isEqualTo("help@example.com");
        }

        @Test
        @DisplayName("files are written through a temporary file and none is left behind")
        void noTemporaryFiles() throws Exception {
            for (int i = 0; i < 5; i++) {
                send(
                        Fixtures.outbox(dir),
                        TemplateType.GENERIC,
                        Payload.builder().code("00000" + i).build());
            }
            try (var all = Files.list(dir)) {
                assertThat(all.map(p -> p.getFileName().toString()))
                        .hasSize(5)
                        .allMatch(n -> n.matches("\\d{8}T\\d{6}\\.\\d{3}Z-msg_\\w+\\.eml"));
            }
        }

        @Test
        @DisplayName("the operator's fromEmail is the sender address; the tenant only names it")
        void operatorFrom() throws Exception {
            ObjectNode settings =
                    JSON.createObjectNode().put("outbox", dir.toString()).put("fromEmail", "mail@acme.test");
            ConnectorContext context = ConnectorContext.builder()
                    .operatorSettings("builtin", settings)
                    .build();
            SendResult result = send(context, TemplateType.REGISTER, fullPayload("fr"));
            Eml eml = Eml.parse(Path.of(result.details().get("outboxFile")));
            assertThat(eml.from().getAddress()).isEqualTo("mail@acme.test");
            assertThat(eml.from().getPersonal()).isEqualTo("Acme Cloud");
            assertThat(eml.subject()).isEqualTo("Confirmez votre adresse e-mail");
        }

        @Test
        @DisplayName("an outbox that cannot be written fails with PROVIDER_UNAVAILABLE, retryable")
        void unwritable() throws Exception {
            Path notADir = Files.writeString(dir.resolve("file"), "x");
            assertThatThrownBy(() -> send(Fixtures.outbox(notADir), TemplateType.SIGN_IN, fullPayload("en")))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                    });
        }
    }

    @Nested
    @DisplayName("Where the outbox is")
    class Settings {
        private DeliverySettings resolve(ConnectorContext context, Map<String, String> props, Map<String, String> env) {
            return DeliverySettings.resolve(context, props::get, env::get);
        }

        @Test
        @DisplayName("./outbox by default, else EMAIL_CONNECTORS_OUTBOX, else the system property")
        void defaults() {
            ConnectorContext none = ConnectorContext.defaults();
            assertThat(resolve(none, Map.of(), Map.of()).outbox()).isEqualTo(Path.of("outbox"));
            assertThat(resolve(none, Map.of(), Map.of("EMAIL_CONNECTORS_OUTBOX", "/tmp/env-box"))
                            .outbox())
                    .isEqualTo(Path.of("/tmp/env-box"));
            assertThat(resolve(
                                    none,
                                    Map.of("emailconnectors.outbox", "/tmp/prop-box"),
                                    Map.of("EMAIL_CONNECTORS_OUTBOX", "/tmp/env-box"))
                            .outbox())
                    .isEqualTo(Path.of("/tmp/prop-box"));
        }

        @Test
        @DisplayName("delivery JSON comes from operator settings, else the system property, else the environment")
        void precedence() {
            String env = "{\"connector\":\"recording\",\"config\":{\"fromEmail\":\"a@b.test\"}}";
            String prop = "{\"outbox\":\"/tmp/from-prop\"}";
            assertThat(resolve(ConnectorContext.defaults(), Map.of(), Map.of("EMAIL_CONNECTORS_BUILTIN_DELIVERY", env))
                            .connector())
                    .contains("recording");
            assertThat(resolve(
                                    ConnectorContext.defaults(),
                                    Map.of("emailconnectors.builtin.delivery", prop),
                                    Map.of("EMAIL_CONNECTORS_BUILTIN_DELIVERY", env))
                            .outbox())
                    .isEqualTo(Path.of("/tmp/from-prop"));
            DeliverySettings operator = resolve(
                    Fixtures.outbox(dir),
                    Map.of("emailconnectors.builtin.delivery", prop),
                    Map.of("EMAIL_CONNECTORS_BUILTIN_DELIVERY", env));
            assertThat(operator.outbox()).isEqualTo(dir);
            assertThat(operator.source()).isEqualTo("operator settings");
        }

        @Test
        @DisplayName("invalid delivery settings report every problem and fail creation with INVALID_CONFIG")
        void invalid() {
            ObjectNode bad = JSON.createObjectNode()
                    .put("connector", "builtin")
                    .put("outbox", "/tmp/x")
                    .put("fromEmail", "not an address")
                    .put("colour", "red");
            bad.putObject("usageLimit").put("messages", -1).put("period", "daily");
            ConnectorContext context =
                    ConnectorContext.builder().operatorSettings("builtin", bad).build();
            assertThatThrownBy(() -> CATALOG.create("builtin", branding(), context))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                        assertThat(e.getMessage())
                                .contains("/colour")
                                .contains("/outbox: set either connector or outbox")
                                .contains("/config")
                                .contains("/connector: the built-in service cannot deliver through itself")
                                .contains("/fromEmail")
                                .contains("/usageLimit/messages")
                                .contains("/usageLimit/period");
                    });
            assertThatThrownBy(() -> resolve(
                            ConnectorContext.defaults(),
                            Map.of(),
                            Map.of("EMAIL_CONNECTORS_BUILTIN_DELIVERY", "{not json")))
                    .hasMessageContaining("EMAIL_CONNECTORS_BUILTIN_DELIVERY")
                    .hasMessageContaining("not valid JSON");
        }

        @Test
        @DisplayName("settings never print the delegate's configuration")
        void toStringHidesConfig() {
            ObjectNode settings = JSON.createObjectNode().put("connector", "recording");
            settings.putObject("config").put("fromEmail", "a@b.test").put("password", "pw-123-secret");
            String text =
                    DeliverySettings.parse(settings, "test", Path.of("outbox")).toString();
            assertThat(text).contains("recording").doesNotContain("pw-123-secret");
        }
    }
}
