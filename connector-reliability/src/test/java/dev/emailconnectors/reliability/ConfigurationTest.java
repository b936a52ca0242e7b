package dev.emailconnectors.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Configurations of the reliability connectors")
class ConfigurationTest {
    private final ConnectorCatalog catalog = EmailConnectors.discover();

    private java.util.List<String> paths(String id, ObjectNode config) {
        return catalog.validate(id, config).violations().stream()
                .map(ConfigViolation::path)
                .toList();
    }

    @Nested
    @DisplayName("Failover")
    class Failover {
        @Test
        @DisplayName("members are validated with their own schemas, paths prefixed, all problems at once")
        void nestedValidation() {
            ObjectNode config = Configs.failover("a", "b");
            ((ObjectNode) config.at("/connectors/0/config")).remove("fromEmail");
            ((ObjectNode) config.at("/connectors/1/config")).put("apiKey", 42).put("bogus", true);
            config.putObject("circuitBreaker").put("delay", "soon").put("failureThreshold", 0);
            config.put("onTimeout", "maybe");
            assertThat(paths("failover", config))
                    .contains(
                            "/connectors/0/config/fromEmail",
                            "/connectors/1/config/apiKey",
                            "/connectors/1/config/bogus",
                            "/circuitBreaker/delay",
                            "/circuitBreaker/failureThreshold",
                            "/onTimeout");
        }

        @Test
        @DisplayName("an unknown member connector, a missing config and a repeated name are reported")
        void memberProblems() {
            ObjectNode config = Configs.failover("a", "a");
            ((ObjectNode) config.at("/connectors/0")).put("id", "no-such-connector");
            ((ObjectNode) config.at("/connectors/1")).remove("config");
            assertThat(paths("failover", config))
                    .contains("/connectors/0/config", "/connectors/1/config", "/connectors/1/name");
        }

        @Test
        @DisplayName("an empty list is refused")
        void emptyList() {
            ObjectNode config = Configs.JSON.createObjectNode();
            config.putArray("connectors");
            assertThat(paths("failover", config)).contains("/connectors");
        }

        @Test
        @DisplayName("member secrets are redacted and scrubbed from every failure")
        void secrets() {
            ObjectNode config = Configs.failover("sec-a", "sec-b");
            assertThat(catalog.redact("failover", config)
                            .at("/connectors/1/config/apiKey")
                            .asText())
                    .isEqualTo("***");
            assertThat(catalog.redact("failover", config).toString()).doesNotContain(Configs.API_KEY);
            MemoryPeer.reset("sec-a").rule(n -> EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE, "key " + Configs.API_KEY + " refused")
                    .build());
            MemoryPeer.reset("sec-b").rule(n -> EmailConnectorException.builder(
                            ErrorCode.AUTHENTICATION_FAILED, "bad key " + Configs.API_KEY)
                    .cause(new IllegalStateException(Configs.API_KEY))
                    .build());
            try (EmailConnector c = catalog.create("failover", config)) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                        .isInstanceOf(EmailConnectorException.class)
                        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(Configs.API_KEY));
                assertThat(c.toString()).doesNotContain(Configs.API_KEY);
            }
        }
    }

    @Nested
    @DisplayName("Resilient")
    class Resilient {
        @Test
        @DisplayName("bad durations, sandbox patterns and nested problems are reported with their paths")
        void problems() {
            ObjectNode config = Configs.resilient(
                    "r",
                    "{'retry':{'maxAttempts':0,'backoff':'P1X'},'deduplication':{'window':'PT0S'},"
                            + "'rateLimit':{'perRecipient':{'messages':5},'perConnector':{'messagesPerSecond':0}},"
                            + "'sandbox':{'allow':['ok@example.com','not an address','*@']},'extra':1}");
            ((ObjectNode) config.at("/connector/config")).remove("peer");
            assertThat(paths("resilient", config))
                    .contains(
                            "/retry/maxAttempts",
                            "/retry/backoff",
                            "/deduplication/window",
                            "/rateLimit/perRecipient/period",
                            "/rateLimit/perConnector/messagesPerSecond",
                            "/sandbox/allow/1",
                            "/sandbox/allow/2",
                            "/extra",
                            "/connector/config/peer")
                    .doesNotContain("/sandbox/allow/0");
        }

        @Test
        @DisplayName("a backoff longer than maxDelay is refused")
        void backoffWithinMaxDelay() {
            ObjectNode config = Configs.resilient("r", "{'retry':{'backoff':'PT10S','maxDelay':'PT1S'}}");
            assertThat(paths("resilient", config)).containsExactly("/retry/backoff");
        }

        @Test
        @DisplayName("a minimal configuration is valid and every part is optional")
        void minimal() {
            assertThat(paths("resilient", Configs.resilient("r", ""))).isEmpty();
            assertThat(paths("resilient", Configs.resilient("r", "{'retry':{},'deduplication':{}}")))
                    .isEmpty();
        }

        @Test
        @DisplayName("a resilient connector over a failover validates and redacts two levels deep")
        void twoLevels() {
            ObjectNode config = (ObjectNode) Configs.parse("{'retry':{}}");
            config.set("connector", Configs.member("failover", Configs.failover("x", "y")));
            assertThat(paths("resilient", config)).isEmpty();
            assertThat(catalog.redact("resilient", config)
                            .at("/connector/config/connectors/1/config/apiKey")
                            .asText())
                    .isEqualTo("***");
            ((ObjectNode) config.at("/connector/config/connectors/1/config")).remove("peer");
            assertThat(paths("resilient", config)).containsExactly("/connector/config/connectors/1/config/peer");
        }
    }

    @Test
    @DisplayName("both connectors are discovered with complete metadata in five languages")
    void metadata() {
        for (String id : java.util.List.of("failover", "resilient")) {
            var m = catalog.require(id).metadata();
            assertThat(m.name().keySet()).contains("en", "es", "fr", "de", "zh-CN");
            assertThat(m.description().keySet()).contains("en", "es", "fr", "de", "zh-CN");
            assertThat(m.logo()).startsWith("data:image/svg+xml;base64,");
        }
        assertThat(catalog.problems()).isEmpty();
        assertThatThrownBy(() -> catalog.create("resilient", Configs.resilient("r", "{'retry':{'maxAttempts':0}}")))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
