package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discovery, validation and redaction")
class CatalogTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode validConfig() {
        return json("{'fromEmail':'noreply@example.com','apiKey':'sk_live_0123456789',"
                + "'nested':{'token':'tok-abcdef'},"
                + "'templates':[{'usageType':'Generic','subject':'Code {{code}}','content':'Your code is {{code}}',"
                + "'contentType':'text/plain'}]}");
    }

    @BeforeEach
    void reset() {
        RecordingProvider.reset();
    }

    @Test
    @DisplayName("discovery finds providers by id and alias and skips a provider that fails to load")
    void discovery() {
        ClassLoader withBroken = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                if (name.equals("META-INF/services/dev.emailconnectors.spi.EmailConnectorProvider")) {
                    return java.util.Collections.enumeration(
                            List.of(CatalogTest.class.getResource("broken-services.txt")));
                }
                return super.getResources(name);
            }
        };
        ConnectorCatalog catalog = EmailConnectors.discover(withBroken);
        assertThat(catalog.providers()).extracting(ConnectorDescriptor::id).containsExactly("recording");
        assertThat(catalog.find("recording-alias")).isPresent();
        assertThat(catalog.find("nope")).isEmpty();
        assertThat(catalog.problems()).singleElement().asString().contains("BrokenProvider");
        assertThatThrownBy(() -> catalog.require("nope"))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageContaining("available: recording");
    }

    @Test
    @DisplayName("two providers with one id are refused, naming both classes")
    void duplicates() {
        RecordingProvider other = new RecordingProvider() {};
        assertThatThrownBy(() -> ConnectorCatalog.of(List.of(new RecordingProvider(), other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'recording'")
                .hasMessageContaining(RecordingProvider.class.getName())
                .hasMessageContaining(other.getClass().getName());
    }

    @Test
    @DisplayName("one configuration with five mistakes gives five violations, each with its JSON Pointer")
    void fiveMistakes() {
        JsonNode config = json("{'apiKey':'short','port':'abc','colour':'blue',"
                + "'templates':[{'usageType':'Foo','subject':'s','content':'c'},"
                + "{'usageType':'Generic','subject':'s','content':'c'}]}");
        ValidationResult result = EmailConnectors.discover().validate("recording", config);
        assertThat(result.violations())
                .extracting(ConfigViolation::path)
                .containsExactlyInAnyOrder("/apiKey", "/colour", "/fromEmail", "/port", "/templates/0/usageType");
        assertThat(result.violations())
                .filteredOn(v -> v.path().equals("/fromEmail"))
                .singleElement()
                .extracting(ConfigViolation::message)
                .isEqualTo("is required");
        assertThat(result.violations())
                .filteredOn(v -> v.path().equals("/colour"))
                .singleElement()
                .extracting(ConfigViolation::message)
                .isEqualTo("is not a known field");
        assertThat(result.describe()).contains("5 problems").doesNotContain("short");
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(EmailConnectorException.class)
                .satisfies(e -> assertThat(((EmailConnectorException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    @Test
    @DisplayName("an empty configuration reports every required field, and provider rules join schema rules")
    void emptyConfig() {
        ValidationResult result = EmailConnectors.discover().validate("recording", json("{}"));
        assertThat(result.violations())
                .extracting(ConfigViolation::path)
                .containsExactly("/apiKey", "/fromEmail", "/templates", "/templates");
        assertThat(result.violations())
                .extracting(ConfigViolation::message)
                .contains("Template with UsageType (Generic) should be provided!");
        assertThat(EmailConnectors.discover().validate("recording", json("[]")).violations())
                .containsExactly(new ConfigViolation("", "must be a JSON object"));
    }

    @Test
    @DisplayName("template syntax errors are caught when the configuration is validated")
    void templateSyntax() {
        JsonNode config = validConfig().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        config.get("templates").get(0))
                .put("content", "{{#x}}");
        assertThat(EmailConnectors.discover().validate("recording", config).violations())
                .extracting(ConfigViolation::path)
                .containsExactly("/templates/0/content");
    }

    @Test
    @DisplayName("redaction masks schema-marked and well-known secret fields and keeps everything else")
    void redaction() {
        ConnectorCatalog catalog = EmailConnectors.discover();
        JsonNode config = validConfig().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) config)
                .putObject("extra")
                .put("password", "hunter22");
        JsonNode redacted = catalog.redact("recording", config);
        assertThat(redacted.get("apiKey").asText()).isEqualTo("***");
        assertThat(redacted.at("/nested/token").asText()).isEqualTo("***");
        assertThat(redacted.at("/extra/password").asText()).isEqualTo("***");
        assertThat(redacted.get("fromEmail").asText()).isEqualTo("noreply@example.com");
        assertThat(config.get("apiKey").asText()).isEqualTo("sk_live_0123456789");
        assertThat(catalog.require("recording").secretFields()).contains("/apiKey", "/nested/token");
    }

    @Test
    @DisplayName("invalid values of secret fields are not echoed in violations")
    void secretNotEchoed() {
        JsonNode config = json("{'fromEmail':'a@b.cd','apiKey':'sk_live_0123456789','port':'sk_live_0123456789',"
                + "'templates':[{'usageType':'Generic','subject':'s','content':'c'}]}");
        ValidationResult result = EmailConnectors.discover().validate("recording", config);
        assertThat(result.describe()).doesNotContain("sk_live_0123456789");
    }
}
