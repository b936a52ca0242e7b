package dev.emailconnectors.sendgrid;

import static dev.emailconnectors.sendgrid.SendGridSendTest.CATALOG;
import static dev.emailconnectors.sendgrid.SendGridSendTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SendGrid connector: configuration")
class SendGridConfigTest {
    /** Logto's SendGrid connector configuration as its admin console stores it (defaults for four types). */
    static final String LOGTO_CONFIG =
            """
            {"apiKey":"SG.logto-key","fromEmail":"noreply@logto.test.io","fromName":"Logto Test",
             "templates":[
              {"usageType":"SignIn","type":"text/plain","subject":"Logto SignIn Template",
               "content":"Your Logto sign-in verification code is {{code}}. The code will remain active for 10 minutes."},
              {"usageType":"Register","type":"text/plain","subject":"Logto Register Template",
               "content":"Your Logto sign-up verification code is {{code}}. The code will remain active for 10 minutes."},
              {"usageType":"ForgotPassword","type":"text/plain","subject":"Logto ForgotPassword Template",
               "content":"Your Logto password change verification code is {{code}}. The code will remain active for 10 minutes."},
              {"usageType":"OrganizationInvitation","type":"text/plain","subject":"Logto OrganizationInvitation Template",
               "content":"Your Logto organization invitation link is {{link}}."},
              {"usageType":"Generic","type":"text/plain","subject":"Logto Generic Template",
               "content":"Your Logto verification code is {{code}}. The code will remain active for 10 minutes."}]}
            """;

    private static List<String> paths(JsonNode config) {
        return CATALOG.validate("sendgrid", config).violations().stream()
                .map(ConfigViolation::path)
                .toList();
    }

    @Test
    @DisplayName("Logto's stored configuration validates unchanged, under the Logto id too")
    void logtoConfigValidates() {
        assertThat(CATALOG.validate("sendgrid-email-service", json(LOGTO_CONFIG))
                        .violations())
                .isEmpty();
        assertThat(CATALOG.validate("sendgrid", json(LOGTO_CONFIG)).violations())
                .isEmpty();
    }

    @Test
    @DisplayName("with an endpoint added, Logto's configuration sends Logto's Generic request, BindMfa included")
    void logtoConfigSends() {
        try (SendGridPeer peer = new SendGridPeer()) {
            ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
            config.put("endpoint", peer.url());
            try (EmailConnector c = CATALOG.create("sendgrid-email-service", config)) {
                c.sendMessage(
                        TemplateType.BIND_MFA,
                        "foo@logto.io",
                        Payload.builder().code("123456").build());
            }
            JsonNode body = SendGridPeer.json(peer.only());
            assertThat(body)
                    .isEqualTo(
                            json(
                                    """
                    {"personalizations":[{"to":[{"email":"foo@logto.io"}]}],
                     "from":{"email":"noreply@logto.test.io","name":"Logto Test"},
                     "subject":"Logto Generic Template",
                     "content":[{"type":"text/plain","value":"Your Logto verification code is 123456. The code will remain active for 10 minutes."}]}
                    """));
            assertThat(peer.only().getHeaders().get("Authorization")).isEqualTo("Bearer SG.logto-key");
        }
    }

    @Test
    @DisplayName("without Generic, Logto's message names the missing type")
    void missingGeneric() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        ((ArrayNode) config.get("templates")).remove(4);
        assertThat(CATALOG.validate("sendgrid", config).violations())
                .containsExactly(
                        new ConfigViolation("/templates", "Template with UsageType (Generic) should be provided!"));
    }

    @Test
    @DisplayName("reports every problem at once, each with its path")
    void everyProblem() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        config.put("fromEmail", "not an address")
                .put("endpoint", "http://api.sendgrid.com")
                .put("colour", "blue");
        ArrayNode templates = (ArrayNode) config.get("templates");
        ((ObjectNode) templates.get(0)).put("templateId", "d-abc");
        ((ObjectNode) templates.get(1)).remove("content");
        ((ObjectNode) templates.get(2)).put("contentType", "text/html");
        ((ObjectNode) templates.get(3)).put("subject", "Hello {{#code}}");
        assertThat(paths(config))
                .contains(
                        "/fromEmail",
                        "/endpoint",
                        "/colour",
                        "/templates/0",
                        "/templates/1",
                        "/templates/2/contentType",
                        "/templates/3/subject");
    }

    @Test
    @DisplayName("contentType is accepted in place of type, and a dynamic entry needs only usageType and templateId")
    void contentTypeAndDynamic() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        ArrayNode templates = (ArrayNode) config.get("templates");
        ObjectNode first = (ObjectNode) templates.get(0);
        first.set("contentType", first.remove("type"));
        templates.set(
                1, json("{\"usageType\":\"Register\",\"templateId\":\"d-0123abcd\",\"replyTo\":\"a@b.example\"}"));
        config.put("endpoint", "https://api.eu.sendgrid.com");
        assertThat(paths(config)).isEmpty();
    }

    @Test
    @DisplayName("the API key is write-only: masked when the configuration is redacted")
    void redacted() {
        JsonNode redacted = CATALOG.redact("sendgrid", json(LOGTO_CONFIG));
        assertThat(redacted.get("apiKey").asText()).isEqualTo("***");
        assertThat(redacted.get("fromEmail").asText()).isEqualTo("noreply@logto.test.io");
    }

    @Test
    @DisplayName("metadata: Logto's id as alias, names in five languages, a data: logo")
    void metadata() {
        ConnectorMetadata m = CATALOG.require("sendgrid").metadata();
        assertThat(m.aliases()).containsExactly("sendgrid-email-service");
        assertThat(m.name()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.description()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.logo()).startsWith("data:image/svg+xml;base64,");
        assertThat(m.readme()).contains("templateId");
    }
}
