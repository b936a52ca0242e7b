package dev.emailconnectors.postmark;

import static dev.emailconnectors.postmark.PostmarkSendTest.CATALOG;
import static dev.emailconnectors.postmark.PostmarkSendTest.json;
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

@DisplayName("Postmark connector: configuration")
class PostmarkConfigTest {
    /** Logto's Postmark connector configuration with its default template aliases. */
    static final String LOGTO_CONFIG =
            """
            {"serverToken":"logto-server-token","fromEmail":"noreply@logto.test.io",
             "templates":[
              {"usageType":"SignIn","templateAlias":"logto-sign-in"},
              {"usageType":"Register","templateAlias":"logto-register"},
              {"usageType":"ForgotPassword","templateAlias":"logto-forgot-password"},
              {"usageType":"OrganizationInvitation","templateAlias":"logto-organization-invitation"},
              {"usageType":"Generic","templateAlias":"logto-generic"},
              {"usageType":"UserPermissionValidation","templateAlias":"logto-user-permission-validation"},
              {"usageType":"BindNewIdentifier","templateAlias":"logto-bind-new-identifier"},
              {"usageType":"MfaVerification","templateAlias":"logto-mfa-verification"},
              {"usageType":"BindMfa","templateAlias":"logto-bind-mfa"}]}
            """;

    private static List<String> paths(JsonNode config) {
        return CATALOG.validate("postmark", config).violations().stream()
                .map(ConfigViolation::path)
                .toList();
    }

    @Test
    @DisplayName("Logto's stored configuration validates unchanged, under the Logto id too")
    void logtoConfigValidates() {
        assertThat(CATALOG.validate("postmark-mail", json(LOGTO_CONFIG)).violations())
                .isEmpty();
        assertThat(CATALOG.validate("postmark", json(LOGTO_CONFIG)).violations())
                .isEmpty();
    }

    @Test
    @DisplayName("with an endpoint added, Logto's configuration sends Logto's SignIn request")
    void logtoConfigSends() {
        try (PostmarkPeer peer = new PostmarkPeer()) {
            ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
            config.put("endpoint", peer.url());
            try (EmailConnector c = CATALOG.create("postmark-mail", config)) {
                c.sendMessage(
                        TemplateType.SIGN_IN,
                        "to@email.com",
                        Payload.builder().code("1234").build());
            }
            assertThat(PostmarkPeer.json(peer.only()))
                    .isEqualTo(
                            json(
                                    """
                    {"From":"noreply@logto.test.io","TemplateAlias":"logto-sign-in","To":"to@email.com",
                     "TemplateModel":{"code":"1234"},"MessageStream":"outbound"}
                    """));
            assertThat(peer.only().getHeaders().get("X-Postmark-Server-Token")).isEqualTo("logto-server-token");
        }
    }

    @Test
    @DisplayName("a configuration missing a required type gets Logto's message")
    void missingType() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        ((ArrayNode) config.get("templates")).remove(0);
        assertThat(CATALOG.validate("postmark", config).violations())
                .containsExactly(
                        new ConfigViolation("/templates", "Template with UsageType (SignIn) should be provided!"));
    }

    @Test
    @DisplayName("reports every problem at once, each with its path")
    void everyProblem() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        config.put("fromEmail", "Acme")
                .put("endpoint", "ftp://api.postmarkapp.com")
                .put("messageStream", "");
        ArrayNode templates = (ArrayNode) config.get("templates");
        ((ObjectNode) templates.get(0)).put("subject", "Hi");
        ((ObjectNode) templates.get(1)).remove("templateAlias");
        ((ObjectNode) templates.get(2)).put("templateAlias", 7);
        assertThat(paths(config))
                .contains(
                        "/fromEmail",
                        "/endpoint",
                        "/messageStream",
                        "/templates/0",
                        "/templates/1",
                        "/templates/2/templateAlias");
    }

    @Test
    @DisplayName("entries with a subject and content, replyTo and sendFrom, and a named fromEmail are valid")
    void extensions() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        config.put("fromEmail", "Acme <noreply@acme.example>").put("messageStream", "outbound");
        ((ArrayNode) config.get("templates"))
                .set(
                        0,
                        json(
                                """
                {"usageType":"SignIn","subject":"Code {{code}}","content":"<p>{{code}}</p>",
                 "contentType":"text/html","replyTo":"help@acme.example","sendFrom":"{{application.name}}"}
                """));
        assertThat(paths(config)).isEmpty();
    }

    @Test
    @DisplayName("the server token is write-only: masked when the configuration is redacted")
    void redacted() {
        JsonNode redacted = CATALOG.redact("postmark", json(LOGTO_CONFIG));
        assertThat(redacted.get("serverToken").asText()).isEqualTo("***");
    }

    @Test
    @DisplayName("metadata: Logto's id as alias, names in five languages, a data: logo")
    void metadata() {
        ConnectorMetadata m = CATALOG.require("postmark").metadata();
        assertThat(m.aliases()).containsExactly("postmark-mail");
        assertThat(m.name()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.description()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.logo()).startsWith("data:image/svg+xml;base64,");
    }
}
