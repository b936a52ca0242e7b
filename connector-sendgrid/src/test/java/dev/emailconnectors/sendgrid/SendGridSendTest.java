package dev.emailconnectors.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SendGrid connector: requests")
class SendGridSendTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "SG.test-key.9f3a7c";
    static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private final SendGridPeer peer = new SendGridPeer();

    @AfterEach
    void stop() {
        peer.close();
    }

    static ObjectNode config(String endpoint) {
        ObjectNode c = JSON.createObjectNode()
                .put("apiKey", API_KEY)
                .put("fromEmail", "noreply@acme.example")
                .put("fromName", "Acme")
                .put("endpoint", endpoint);
        ArrayNode templates = c.putArray("templates");
        templates
                .addObject()
                .put("usageType", "SignIn")
                .put("type", "text/plain")
                .put("subject", "Sign-in code {{code}}")
                .put("content", "Your code is {{code}}.");
        templates
                .addObject()
                .put("usageType", "Register")
                .put("contentType", "text/html")
                .put("subject", "Welcome to {{application.name}}")
                .put("content", "<p>Hello {{user.name}}, your code is <b>{{code}}</b>.</p>");
        templates
                .addObject()
                .put("usageType", "ForgotPassword")
                .put("templateId", "d-4f1e2d3c4b5a69788796a5b4c3d2e1f0")
                .put("replyTo", "Support <support@acme.example>");
        templates
                .addObject()
                .put("usageType", "Generic")
                .put("type", "text/plain")
                .put("subject", "Generic {{code}}")
                .put("content", "Generic code {{code}}");
        return c;
    }

    private EmailConnector connector(JsonNode config) {
        return CATALOG.create("sendgrid", config);
    }

    private SendResult send(JsonNode config, TemplateType type, Payload payload) {
        try (EmailConnector c = connector(config)) {
            return c.sendMessage(type, "user@example.com", payload);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertApiRequest(RecordedRequest r) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v3/mail/send");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Nested
    @DisplayName("from configured templates")
    class Configured {
        @Test
        @DisplayName(
                "a text/plain template: subject and one text/plain content, sender name on from, id from X-Message-Id")
        void textTemplate() {
            SendResult result = send(
                    config(peer.url()),
                    TemplateType.SIGN_IN,
                    Payload.builder().code("123456").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(SendGridPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"personalizations":[{"to":[{"email":"user@example.com"}]}],
                     "from":{"email":"noreply@acme.example","name":"Acme"},
                     "subject":"Sign-in code 123456",
                     "content":[{"type":"text/plain","value":"Your code is 123456."}]}
                    """));
            assertThat(result.providerMessageId()).contains("sg-1");
            assertThat(result.connectorId()).isEqualTo("sendgrid");
        }

        @Test
        @DisplayName("a text/html template: text/plain (derived) before text/html, values escaped in the HTML")
        void htmlTemplate() {
            send(
                    config(peer.url()),
                    TemplateType.REGISTER,
                    Payload.builder()
                            .code("654321")
                            .put("application", Map.of("name", "Acme"))
                            .put("user", Map.of("name", "<Ann>"))
                            .build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            JsonNode body = SendGridPeer.json(r);
            assertThat(body.get("subject").asText()).isEqualTo("Welcome to Acme");
            assertThat(body.get("content")).hasSize(2);
            assertThat(body.at("/content/0/type").asText()).isEqualTo("text/plain");
            assertThat(body.at("/content/0/value").asText()).isEqualTo("Hello <Ann>, your code is 654321.");
            assertThat(body.at("/content/1/type").asText()).isEqualTo("text/html");
            assertThat(body.at("/content/1/value").asText())
                    .isEqualTo("<p>Hello &lt;Ann&gt;, your code is <b>654321</b>.</p>");
            assertThat(body.has("reply_to")).isFalse();
        }

        @Test
        @DisplayName("a dynamic template: template_id and the payload as dynamic_template_data, no subject or content")
        void dynamicTemplate() {
            send(
                    config(peer.url()),
                    TemplateType.FORGOT_PASSWORD,
                    Payload.builder()
                            .code("111222")
                            .locale("de")
                            .put("user", Map.of("name", "Ann"))
                            .build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(SendGridPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"personalizations":[{"to":[{"email":"user@example.com"}],
                       "dynamic_template_data":{"code":"111222","locale":"de","user":{"name":"Ann"}}}],
                     "from":{"email":"noreply@acme.example","name":"Acme"},
                     "reply_to":{"email":"support@acme.example","name":"Support"},
                     "template_id":"d-4f1e2d3c4b5a69788796a5b4c3d2e1f0"}
                    """));
        }

        @Test
        @DisplayName("a type without a template falls back to Generic")
        void genericFallback() {
            send(
                    config(peer.url()),
                    TemplateType.BIND_MFA,
                    Payload.builder().code("777").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            JsonNode body = SendGridPeer.json(r);
            assertThat(body.get("subject").asText()).isEqualTo("Generic 777");
            assertThat(body.get("content"))
                    .isEqualTo(json("[{\"type\":\"text/plain\",\"value\":\"Generic code 777\"}]"));
        }
    }

    @Nested
    @DisplayName("from the host's templates")
    class Host {
        private EmailConnector withHost(MapTemplateSource source) {
            return CATALOG.create(
                    "sendgrid",
                    config(peer.url()),
                    ConnectorContext.builder().templateResolver(source).build());
        }

        @Test
        @DisplayName("a per-locale host template wins; sendFrom is parsed as Name <address> and replyTo is sent")
        void hostTemplateWins() {
            MapTemplateSource source = new MapTemplateSource()
                    .put(
                            "fr",
                            EmailTemplate.html(
                                            TemplateType.FORGOT_PASSWORD,
                                            "Réinitialisation {{code}}",
                                            "<p>Code : {{code}}</p>")
                                    .withSendFrom("{{application.name}} <support@acme.example>")
                                    .withReplyTo("{{user.primaryEmail}}"));
            try (EmailConnector c = withHost(source)) {
                c.sendMessage(
                        TemplateType.FORGOT_PASSWORD,
                        "user@example.com",
                        Payload.builder()
                                .code("424242")
                                .locale("fr-CA")
                                .put("application", Map.of("name", "Acme FR"))
                                .put("user", Map.of("primaryEmail", "ann@example.org"))
                                .build());
            }
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(SendGridPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"personalizations":[{"to":[{"email":"user@example.com"}]}],
                     "from":{"email":"support@acme.example","name":"Acme FR"},
                     "reply_to":{"email":"ann@example.org"},
                     "subject":"Réinitialisation 424242",
                     "content":[{"type":"text/plain","value":"Code : 424242"},
                                {"type":"text/html","value":"<p>Code : 424242</p>"}]}
                    """));
            assertThat(source.lookups()).startsWith("ForgotPassword/fr-CA", "ForgotPassword/fr");
        }

        @Test
        @DisplayName("a sendFrom that is only a name keeps fromEmail; a host Generic wins over the configured Generic")
        void hostGeneric() {
            MapTemplateSource source = new MapTemplateSource()
                    .put(
                            "",
                            EmailTemplate.text(TemplateType.GENERIC, "Host generic", "Host code {{code}}")
                                    .withSendFrom("{{application.name}}"));
            try (EmailConnector c = withHost(source)) {
                c.sendMessage(
                        TemplateType.MFA_VERIFICATION,
                        "user@example.com",
                        Payload.builder()
                                .code("5")
                                .put("application", Map.of("name", "Test app"))
                                .build());
            }
            JsonNode body = SendGridPeer.json(peer.only());
            assertThat(body.get("from")).isEqualTo(json("{\"email\":\"noreply@acme.example\",\"name\":\"Test app\"}"));
            assertThat(body.get("subject").asText()).isEqualTo("Host generic");
            assertThat(body.at("/personalizations/0/to/0")).isEqualTo(json("{\"email\":\"user@example.com\"}"));
        }

        @Test
        @DisplayName("a replyTo that renders to no address fails with INVALID_PAYLOAD before any request")
        void badReplyTo() {
            MapTemplateSource source = new MapTemplateSource()
                    .put("", EmailTemplate.text(TemplateType.SIGN_IN, "S", "C").withReplyTo("Reply to {{user.name}}"));
            try (EmailConnector c = withHost(source)) {
                assertThatThrownBy(() -> c.sendMessage(
                                TemplateType.SIGN_IN,
                                "user@example.com",
                                Payload.builder()
                                        .put("user", Map.of("name", "Ann"))
                                        .build()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.INVALID_PAYLOAD));
            }
            assertThat(peer.requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("endpoint and retries")
    class Endpoint {
        @Test
        @DisplayName("an endpoint with a path prefix (a proxy) keeps it before /v3/mail/send")
        void proxyPrefix() {
            send(
                    config(peer.url() + "/sendgrid/"),
                    TemplateType.SIGN_IN,
                    Payload.builder().code("1").build());
            assertThat(peer.only().getUrl().encodedPath()).isEqualTo("/sendgrid/v3/mail/send");
        }

        @Test
        @DisplayName("reports retriesInternally() when retry.maxAttempts allows more than one attempt")
        void retriesInternally() {
            ObjectNode config = config(peer.url());
            try (EmailConnector c = connector(config)) {
                assertThat(c.retriesInternally()).isTrue();
            }
            config.putObject("retry").put("maxAttempts", 1);
            try (EmailConnector c = connector(config)) {
                assertThat(c.retriesInternally()).isFalse();
            }
        }

        @Test
        @DisplayName("without X-Message-Id the send still succeeds, with no provider id")
        void noMessageId() {
            peer.answer(202, "");
            SendResult result = send(
                    config(peer.url()),
                    TemplateType.SIGN_IN,
                    Payload.builder().code("1").build());
            assertThat(result.providerMessageId()).isEmpty();
        }
    }
}
