package dev.emailconnectors.mailgun;

import static dev.emailconnectors.mailgun.MailgunPeer.json;
import static dev.emailconnectors.mailgun.MailgunSendTest.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mailgun connector: configuration")
class MailgunConfigTest {
    /** Logto's Mailgun connector configuration: raw deliveries and a Mailgun-template delivery, EU endpoint. */
    static final String LOGTO_CONFIG =
            """
            {"endpoint":"https://api.eu.mailgun.net","domain":"samples.mailgun.org","apiKey":"logto-api-key",
             "from":"Sender Name <me@samples.mailgun.org>",
             "deliveries":{
              "SignIn":{"subject":"Sign-in code {{code}}","html":"<p>Your sign-in code is {{code}}</p>",
                        "replyTo":"baz@example.com"},
              "Register":{"subject":"Sign-up code {{code}}","html":"<p>Your sign-up code is {{code}}</p>",
                          "text":"Your sign-up code is {{code}}"},
              "ForgotPassword":{"template":"template","variables":{"foo":"bar"},"subject":"Reset password"},
              "Generic":{"subject":"Code {{code}}","html":"<p>Your code is {{code}}</p>"}}}
            """;

    private static List<String> paths(JsonNode config) {
        return CATALOG.validate("mailgun", config).violations().stream()
                .map(ConfigViolation::path)
                .toList();
    }

    @Test
    @DisplayName("Logto's stored configuration validates unchanged, under the Logto id too")
    void logtoConfigValidates() {
        assertThat(CATALOG.validate("mailgun-email", json(LOGTO_CONFIG)).violations())
                .isEmpty();
        ObjectNode us = (ObjectNode) json(LOGTO_CONFIG);
        us.put("endpoint", "https://api.mailgun.net");
        assertThat(paths(us)).isEmpty();
        us.remove("endpoint");
        assertThat(paths(us)).isEmpty();
        ObjectNode partial = (ObjectNode) json(LOGTO_CONFIG);
        partial.putObject("deliveries").putObject("SignIn").put("html", "{{code}}");
        assertThat(paths(partial)).as("any subset of deliveries is valid").isEmpty();
    }

    @Test
    @DisplayName("with the endpoint pointed at the peer, Logto's template delivery sends its variables and the payload")
    void logtoConfigSends() {
        try (MailgunPeer peer = new MailgunPeer()) {
            ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
            config.put("endpoint", peer.url());
            try (EmailConnector c = CATALOG.create("mailgun-email", config)) {
                c.sendMessage(
                        TemplateType.FORGOT_PASSWORD,
                        "foo@logto.io",
                        Payload.builder().code("123456").build());
            }
            Map<String, String> fields = MailgunPeer.fields(peer.only());
            assertThat(peer.only().getUrl().encodedPath()).isEqualTo("/v3/samples.mailgun.org/messages");
            assertThat(fields.get("from")).isEqualTo("Sender Name <me@samples.mailgun.org>");
            assertThat(fields.get("template")).isEqualTo("template");
            assertThat(json(fields.get("t:variables"))).isEqualTo(json("{\"foo\":\"bar\",\"code\":\"123456\"}"));
        }
    }

    @Test
    @DisplayName("reports every problem at once, each with its path")
    void everyProblem() {
        ObjectNode config = (ObjectNode) json(LOGTO_CONFIG);
        config.put("endpoint", "http://api.mailgun.net")
                .put("domain", "https://api.mailgun.net/v3/samples.mailgun.org")
                .put("from", "Sender Name")
                .put("colour", "blue");
        ObjectNode deliveries = (ObjectNode) config.get("deliveries");
        deliveries.putObject("Signin").put("html", "typo in the type");
        ((ObjectNode) deliveries.get("SignIn")).put("template", "both");
        deliveries.putObject("BindMfa").put("subject", "no body");
        ((ObjectNode) deliveries.get("Generic")).put("subject", "Code {{#code}}");
        ((ObjectNode) deliveries.get("Register")).putObject("variables").put("a", 1);
        assertThat(paths(config))
                .contains(
                        "/endpoint",
                        "/domain",
                        "/from",
                        "/colour",
                        "/deliveries/SignIn",
                        "/deliveries/BindMfa",
                        "/deliveries/Generic/subject",
                        "/deliveries/Register/variables");
        assertThat(CATALOG.validate("mailgun", config).violations())
                .as("a key that is not a template type is named")
                .anyMatch(v -> v.path().equals("/deliveries") && v.message().contains("'Signin'"));
    }

    @Test
    @DisplayName("the API key is write-only: masked when the configuration is redacted")
    void redacted() {
        JsonNode redacted = CATALOG.redact("mailgun", json(LOGTO_CONFIG));
        assertThat(redacted.get("apiKey").asText()).isEqualTo("***");
        assertThat(redacted.get("domain").asText()).isEqualTo("samples.mailgun.org");
    }

    @Test
    @DisplayName("metadata: Logto's id as alias, names in five languages, a data: logo")
    void metadata() {
        ConnectorMetadata m = CATALOG.require("mailgun").metadata();
        assertThat(m.aliases()).containsExactly("mailgun-email");
        assertThat(m.name()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.description()).containsKeys("en", "es", "fr", "de", "zh-CN");
        assertThat(m.logo()).startsWith("data:image/svg+xml;base64,");
    }
}
