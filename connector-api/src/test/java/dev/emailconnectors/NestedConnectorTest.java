package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.NestedConnector;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configurations nested in composite connectors")
class NestedConnectorTest {
    /** A composite whose members are other connectors; it sends through the first. */
    static final class Composite implements EmailConnectorProvider {
        @Override
        public ConnectorMetadata metadata() {
            return new ConnectorMetadata(
                    "composite",
                    List.of(),
                    "composite",
                    Map.of("en", "Composite"),
                    Map.of("en", "Sends through members"),
                    "https://example.com/logo.svg",
                    "Test");
        }

        @Override
        public JsonNode configSchema() {
            return CatalogTest.json("{'type':'object','additionalProperties':false,'required':['members'],"
                    + "'properties':{'members':{'type':'array','items':{'type':'object','additionalProperties':false,"
                    + "'properties':{'id':{'type':'string'},'config':{'type':'object'}}}}}}");
        }

        @Override
        public List<NestedConnector> nestedConnectors(JsonNode config) {
            List<NestedConnector> out = new ArrayList<>();
            for (int i = 0; i < config.path("members").size(); i++) {
                out.add(new NestedConnector(
                        "/members/" + i + "/config",
                        config.path("members").get(i).path("id").asText()));
            }
            return out;
        }

        @Override
        public EmailSender create(JsonNode config, ConnectorContext context) {
            JsonNode first = config.get("members").get(0);
            EmailConnector member =
                    context.catalog().orElseThrow().create(first.get("id").asText(), first.get("config"), context);
            return new EmailSender() {
                @Override
                public SendResult send(OutboundMessage message) {
                    return member.sendMessage(message.type(), message.to().address(), message.payload());
                }

                @Override
                public void close() {
                    member.close();
                }
            };
        }
    }

    private final ConnectorCatalog catalog = ConnectorCatalog.of(List.of(new RecordingProvider(), new Composite()));

    private static ObjectNode config() {
        ObjectNode c = (ObjectNode) CatalogTest.json("{'members':[{'id':'recording'},{'id':'nope','config':{}}]}");
        ((ObjectNode) c.get("members").get(0)).set("config", CatalogTest.validConfig());
        return c;
    }

    @Test
    @DisplayName("nested configurations are validated with their own schema, paths prefixed")
    void validation() {
        ObjectNode c = config();
        ((ObjectNode) c.at("/members/0/config")).remove("fromEmail");
        assertThat(catalog.validate("composite", c).violations())
                .extracting(ConfigViolation::path)
                .containsExactly("/members/0/config/fromEmail", "/members/1/config");
    }

    @Test
    @DisplayName("nested secrets are redacted and scrubbed from errors")
    void secrets() {
        ObjectNode c = config();
        ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("members")).remove(1);
        assertThat(catalog.redact("composite", c).at("/members/0/config/apiKey").asText())
                .isEqualTo("***");
        RecordingProvider.reset();
        RecordingProvider.FAILURES.add(new IllegalStateException("rejected sk_live_0123456789"));
        try (EmailConnector composite = catalog.create("composite", c)) {
            assertThatThrownBy(() -> composite.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                    .satisfies(e -> assertThat(SendingTest.chain(e)).doesNotContain("sk_live_0123456789"));
        }
    }

    @Test
    @DisplayName("a nested configuration for an unknown connector is redacted entirely, its values kept out of reports")
    void unknownConnectorIsRedactedEntirely() {
        ObjectNode c = config();
        ((ObjectNode) c.at("/members/1/config"))
                .put("webhookHeaderValue", "opaque-credential-42")
                .putObject("headers")
                .put("X-Key", "another-credential-43");
        JsonNode redacted = catalog.redact("composite", c);
        assertThat(redacted.at("/members/1/config/webhookHeaderValue").asText()).isEqualTo("***");
        assertThat(redacted.at("/members/1/config/headers/X-Key").asText()).isEqualTo("***");
        assertThat(redacted.at("/members/0/config/fromEmail").asText()).isNotEqualTo("***");
        assertThat(redacted.toString()).doesNotContain("credential-4");
        assertThat(catalog.validate("composite", c).describe()).doesNotContain("credential-4");
    }

    @Test
    @DisplayName("get stand-in templates where they accept some and have none, for hosts that render every message")
    void standInTemplates() {
        JsonNode config = CatalogTest.json("{'members': [{'id': 'recording', 'config': {}},"
                + " {'id': 'recording', 'config': {'templates': [{'usageType': 'Generic', 'subject': 's',"
                + " 'content': 'c'}]}}]}");

        JsonNode completed = catalog.require("composite").withStandInTemplates(config);

        assertThat(completed.has("templates"))
                .as("the composite's schema has no templates")
                .isFalse();
        assertThat(completed.at("/members/0/config/templates"))
                .extracting(t -> t.path("usageType").asText())
                .containsExactly("Register", "SignIn", "ForgotPassword", "Generic");
        assertThat(completed.at("/members/1/config/templates").size()).isEqualTo(1);
        assertThat(catalog.validate("composite", completed).violations())
                .extracting(ConfigViolation::path)
                .noneMatch(path -> path.contains("templates"));
        assertThat(config.at("/members/0/config").has("templates"))
                .as("the original is unchanged")
                .isFalse();
    }
}
