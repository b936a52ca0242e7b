package dev.emailconnectors.postmark;

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

@DisplayName("Postmark connector: requests")
class PostmarkSendTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "pm-server-token-5e7d1a";
    static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private final PostmarkPeer peer = new PostmarkPeer();

    @AfterEach
    void stop() {
        peer.close();
    }

    static ObjectNode config(String endpoint) {
        ObjectNode c = JSON.createObjectNode()
                .put("serverToken", TOKEN)
                .put("fromEmail", "noreply@acme.example")
                .put("endpoint", endpoint);
        ArrayNode templates = c.putArray("templates");
        templates.addObject().put("usageType", "SignIn").put("templateAlias", "logto-sign-in");
        templates
                .addObject()
                .put("usageType", "Register")
                .put("contentType", "text/plain")
                .put("subject", "Register code {{code}}")
                .put("content", "Your code is {{code}}.");
        templates
                .addObject()
                .put("usageType", "ForgotPassword")
                .put("subject", "Reset for {{user.name}}")
                .put("content", "<p>Hello {{user.name}}, code <b>{{code}}</b></p>");
        templates.addObject().put("usageType", "Generic").put("templateAlias", "logto-generic");
        return c;
    }

    private SendResult send(JsonNode config, TemplateType type, Payload payload) {
        try (EmailConnector c = CATALOG.create("postmark", config)) {
            return c.sendMessage(type, "to@email.com", payload);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertApiRequest(RecordedRequest r, String path) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo(path);
        assertThat(r.getHeaders().get("X-Postmark-Server-Token")).isEqualTo(TOKEN);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Nested
    @DisplayName("from configured templates")
    class Configured {
        @Test
        @DisplayName("a templateAlias: POST /email/withTemplate with the payload as TemplateModel; MessageID is the id")
        void alias() {
            SendResult result = send(
                    config(peer.url()),
                    TemplateType.SIGN_IN,
                    Payload.builder()
                            .code("1234")
                            .locale("en")
                            .put("application", Map.of("name", "Acme"))
                            .build());
            RecordedRequest r = peer.only();
            assertApiRequest(r, "/email/withTemplate");
            assertThat(PostmarkPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"From":"noreply@acme.example","To":"to@email.com","TemplateAlias":"logto-sign-in",
                     "TemplateModel":{"code":"1234","locale":"en","application":{"name":"Acme"}},
                     "MessageStream":"outbound"}
                    """));
            assertThat(result.providerMessageId()).contains("pm-1");
        }

        @Test
        @DisplayName("a text/plain template: POST /email with Subject and TextBody only")
        void textTemplate() {
            send(
                    config(peer.url()),
                    TemplateType.REGISTER,
                    Payload.builder().code("5678").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r, "/email");
            assertThat(PostmarkPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"From":"noreply@acme.example","To":"to@email.com","Subject":"Register code 5678",
                     "TextBody":"Your code is 5678.","MessageStream":"outbound"}
                    """));
        }

        @Test
        @DisplayName("a text/html template: HtmlBody with escaped values and a derived TextBody")
        void htmlTemplate() {
            send(
                    config(peer.url()),
                    TemplateType.FORGOT_PASSWORD,
                    Payload.builder()
                            .code("99")
                            .put("user", Map.of("name", "Bob & Co"))
                            .build());
            RecordedRequest r = peer.only();
            assertApiRequest(r, "/email");
            assertThat(PostmarkPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"From":"noreply@acme.example","To":"to@email.com","Subject":"Reset for Bob & Co",
                     "HtmlBody":"<p>Hello Bob &amp; Co, code <b>99</b></p>","TextBody":"Hello Bob & Co, code 99",
                     "MessageStream":"outbound"}
                    """));
        }

        @Test
        @DisplayName("a type without a template falls back to the Generic alias")
        void genericFallback() {
            send(
                    config(peer.url()),
                    TemplateType.BIND_NEW_IDENTIFIER,
                    Payload.builder().code("31").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r, "/email/withTemplate");
            JsonNode body = PostmarkPeer.json(r);
            assertThat(body.get("TemplateAlias").asText()).isEqualTo("logto-generic");
            assertThat(body.get("TemplateModel")).isEqualTo(json("{\"code\":\"31\"}"));
        }

        @Test
        @DisplayName("messageStream and a named fromEmail reach From and MessageStream; names with commas are quoted")
        void streamAndNamedSender() {
            ObjectNode config = config(peer.url());
            config.put("messageStream", "transactional-eu").put("fromEmail", "Acme, Inc. <noreply@acme.example>");
            send(config, TemplateType.SIGN_IN, Payload.builder().code("1").build());
            JsonNode body = PostmarkPeer.json(peer.only());
            assertThat(body.get("MessageStream").asText()).isEqualTo("transactional-eu");
            assertThat(body.get("From").asText()).isEqualTo("\"Acme, Inc.\" <noreply@acme.example>");
        }
    }

    @Nested
    @DisplayName("from the host's templates")
    class Host {
        @Test
        @DisplayName("a per-locale host template wins over the alias: POST /email with From, ReplyTo from the template")
        void hostTemplateWins() {
            MapTemplateSource source = new MapTemplateSource()
                    .put(
                            "de",
                            EmailTemplate.html(TemplateType.SIGN_IN, "Anmeldecode {{code}}", "<p>Code: {{code}}</p>")
                                    .withSendFrom("{{application.name}} <support@acme.example>")
                                    .withReplyTo("Hilfe <{{user.primaryEmail}}>"));
            try (EmailConnector c = CATALOG.create(
                    "postmark",
                    config(peer.url()),
                    ConnectorContext.builder().templateResolver(source).build())) {
                c.sendMessage(
                        TemplateType.SIGN_IN,
                        "to@email.com",
                        Payload.builder()
                                .code("8080")
                                .locale("de-AT")
                                .put("application", Map.of("name", "Acme DE"))
                                .put("user", Map.of("primaryEmail", "help@acme.example"))
                                .build());
            }
            RecordedRequest r = peer.only();
            assertApiRequest(r, "/email");
            assertThat(PostmarkPeer.json(r))
                    .isEqualTo(
                            json(
                                    """
                    {"From":"Acme DE <support@acme.example>","To":"to@email.com","Subject":"Anmeldecode 8080",
                     "HtmlBody":"<p>Code: 8080</p>","TextBody":"Code: 8080",
                     "ReplyTo":"Hilfe <help@acme.example>","MessageStream":"outbound"}
                    """));
            assertThat(source.lookups()).startsWith("SignIn/de-AT", "SignIn/de");
        }

        @Test
        @DisplayName("a sendFrom whose address is not valid fails with INVALID_PAYLOAD before any request")
        void badSender() {
            MapTemplateSource source = new MapTemplateSource()
                    .put("", EmailTemplate.text(TemplateType.SIGN_IN, "S", "C").withSendFrom("Acme <not-an-address>"));
            try (EmailConnector c = CATALOG.create(
                    "postmark",
                    config(peer.url()),
                    ConnectorContext.builder().templateResolver(source).build())) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "to@email.com", Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.INVALID_PAYLOAD));
            }
            assertThat(peer.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("reports retriesInternally() when retry.maxAttempts allows more than one attempt")
    void retriesInternally() {
        ObjectNode config = config(peer.url());
        try (EmailConnector c = CATALOG.create("postmark", config)) {
            assertThat(c.retriesInternally()).isTrue();
        }
        config.putObject("retry").put("maxAttempts", 1);
        try (EmailConnector c = CATALOG.create("postmark", config)) {
            assertThat(c.retriesInternally()).isFalse();
        }
    }
}
