package dev.emailconnectors.mailgun;

import static dev.emailconnectors.mailgun.MailgunPeer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplatePreview;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Mailgun connector: requests")
class MailgunSendTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "key-3c9f7e1a2b4d";
    static final String BASIC =
            "Basic " + Base64.getEncoder().encodeToString(("api:" + API_KEY).getBytes(StandardCharsets.UTF_8));
    static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private final MailgunPeer peer = new MailgunPeer();

    @AfterEach
    void stop() {
        peer.close();
    }

    static ObjectNode config(String endpoint) {
        ObjectNode c = (ObjectNode)
                json(
                        """
                {"domain":"mg.acme.example","from":"Acme <noreply@mg.acme.example>",
                 "deliveries":{
                  "SignIn":{"subject":"Sign-in code {{code}}","html":"<p>Your code is <b>{{code}}</b></p>",
                            "replyTo":"Support <support@acme.example>"},
                  "Register":{"subject":"Register {{code}}","text":"Code {{code}}"},
                  "ForgotPassword":{"template":"reset-password","variables":{"brand":"Acme","code":"configured"},
                                    "subject":"Reset {{code}}","replyTo":"{{user.primaryEmail}}"},
                  "Generic":{"subject":"Generic {{code}}","html":"<p>{{code}}</p>","text":"Generic text {{code}}"}}}
                """);
        return c.put("apiKey", API_KEY).put("endpoint", endpoint);
    }

    private SendResult send(JsonNode config, TemplateType type, Payload payload) {
        try (EmailConnector c = CATALOG.create("mailgun", config)) {
            return c.sendMessage(type, "user@example.com", payload);
        }
    }

    private static void assertApiRequest(RecordedRequest r) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v3/mg.acme.example/messages");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    private static Map<String, String> expected(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Nested
    @DisplayName("from the configured deliveries")
    class Configured {
        @Test
        @DisplayName("an html delivery: from, to, subject, html, a derived text and h:Reply-To; the id without <>")
        void htmlDelivery() {
            SendResult result = send(
                    config(peer.url()),
                    TemplateType.SIGN_IN,
                    Payload.builder().code("123456").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(MailgunPeer.fields(r))
                    .containsExactlyEntriesOf(expected(
                            "from", "Acme <noreply@mg.acme.example>",
                            "to", "user@example.com",
                            "subject", "Sign-in code 123456",
                            "html", "<p>Your code is <b>123456</b></p>",
                            "text", "Your code is 123456",
                            "h:Reply-To", "Support <support@acme.example>"));
            assertThat(result.providerMessageId()).contains("20240101.mg-1@mg.acme.example");
        }

        @Test
        @DisplayName("a text-only delivery: from, to, subject and text, no html")
        void textDelivery() {
            send(
                    config(peer.url()),
                    TemplateType.REGISTER,
                    Payload.builder().code("42").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(MailgunPeer.fields(r))
                    .containsExactlyEntriesOf(expected(
                            "from", "Acme <noreply@mg.acme.example>",
                            "to", "user@example.com",
                            "subject", "Register 42",
                            "text", "Code 42"));
        }

        @Test
        @DisplayName(
                "a Mailgun template: template and t:variables (variables plus payload), rendered subject and reply-to")
        void templateDelivery() {
            send(
                    config(peer.url()),
                    TemplateType.FORGOT_PASSWORD,
                    Payload.builder()
                            .code("123456")
                            .put("user", Map.of("primaryEmail", "ann@example.org"))
                            .build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            Map<String, String> fields = MailgunPeer.fields(r);
            assertThat(fields.keySet())
                    .containsExactly("from", "to", "subject", "template", "t:variables", "h:Reply-To");
            assertThat(fields)
                    .contains(
                            entry("subject", "Reset 123456"),
                            entry("template", "reset-password"),
                            entry("h:Reply-To", "ann@example.org"));
            assertThat(json(fields.get("t:variables")))
                    .isEqualTo(
                            json(
                                    "{\"brand\":\"Acme\",\"code\":\"123456\",\"user\":{\"primaryEmail\":\"ann@example.org\"}}"));
            assertThat(fields).doesNotContainKeys("h:X-Mailgun-Variables", "html", "text");
        }

        @Test
        @DisplayName("a type without a delivery uses Generic, with its own text part")
        void genericFallback() {
            send(
                    config(peer.url()),
                    TemplateType.BIND_MFA,
                    Payload.builder().code("7").build());
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(MailgunPeer.fields(r))
                    .containsExactlyEntriesOf(expected(
                            "from", "Acme <noreply@mg.acme.example>",
                            "to", "user@example.com",
                            "subject", "Generic 7",
                            "html", "<p>7</p>",
                            "text", "Generic text 7"));
        }

        @Test
        @DisplayName("without a Generic delivery, a type without one is TEMPLATE_NOT_FOUND and nothing is sent")
        void noDelivery() {
            ObjectNode config = config(peer.url());
            ((ObjectNode) config.get("deliveries")).remove("Generic");
            try (EmailConnector c = CATALOG.create("mailgun", config)) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.BIND_MFA, "user@example.com", Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND));
            }
            assertThat(peer.requests()).isEmpty();
        }

        @Test
        @DisplayName("raw deliveries are the connector's templates: a preview renders them, Generic standing in")
        void preview() {
            TemplatePreview preview = CATALOG.preview(
                    "mailgun",
                    config(peer.url()),
                    TemplateType.MFA_VERIFICATION,
                    Payload.builder().code("55").build(),
                    ConnectorContext.defaults());
            assertThat(preview.email().subject()).isEqualTo("Generic 55");
            assertThat(preview.email().html()).contains("<p>55</p>");
            assertThat(peer.requests()).isEmpty();
        }

        @Test
        @DisplayName("the EU endpoint and a domain with reserved characters: the domain stays one encoded segment")
        void domainEncoded() {
            ObjectNode config = config(peer.url());
            config.put("domain", "mg.acme.example%2F..%2Fdomains");
            send(config, TemplateType.SIGN_IN, Payload.builder().code("1").build());
            RecordedRequest r = peer.only();
            assertThat(r.getUrl().encodedPath()).isEqualTo("/v3/mg.acme.example%252F..%252Fdomains/messages");
            assertThat(r.getUrl().pathSegments()).containsExactly("v3", "mg.acme.example%2F..%2Fdomains", "messages");
        }
    }

    @Nested
    @DisplayName("from the host's templates")
    class Host {
        @Test
        @DisplayName(
                "a per-locale host template wins over the Mailgun template; sendFrom sets from, replyTo is rendered")
        void hostTemplateWins() {
            MapTemplateSource source = new MapTemplateSource()
                    .put(
                            "fr",
                            EmailTemplate.html(
                                            TemplateType.FORGOT_PASSWORD,
                                            "Réinitialisation {{code}}",
                                            "<p>Code : {{code}}</p>")
                                    .withSendFrom("{{application.name}} <support@acme.example>")
                                    .withReplyTo("Reply to {{user.primaryEmail}}"));
            try (EmailConnector c = CATALOG.create(
                    "mailgun",
                    config(peer.url()),
                    ConnectorContext.builder().templateResolver(source).build())) {
                c.sendMessage(
                        TemplateType.FORGOT_PASSWORD,
                        "user@example.com",
                        Payload.builder()
                                .code("424242")
                                .locale("fr-CA")
                                .put("application", Map.of("name", "Acme, FR"))
                                .put("user", Map.of("primaryEmail", "foo@email.com"))
                                .build());
            }
            RecordedRequest r = peer.only();
            assertApiRequest(r);
            assertThat(MailgunPeer.fields(r))
                    .containsExactlyEntriesOf(expected(
                            "from", "\"Acme, FR\" <support@acme.example>",
                            "to", "user@example.com",
                            "subject", "Réinitialisation 424242",
                            "html", "<p>Code : 424242</p>",
                            "text", "Code : 424242",
                            "h:Reply-To", "Reply to foo@email.com"));
        }

        @Test
        @DisplayName("a text/plain host template sends only text")
        void hostText() {
            MapTemplateSource source = new MapTemplateSource()
                    .put("", EmailTemplate.text(TemplateType.GENERIC, "Hi", "Your code is {{code}}"));
            try (EmailConnector c = CATALOG.create(
                    "mailgun",
                    config(peer.url()),
                    ConnectorContext.builder().templateResolver(source).build())) {
                c.sendMessage(
                        TemplateType.ORGANIZATION_INVITATION,
                        "user@example.com",
                        Payload.builder().code("9").build());
            }
            assertThat(MailgunPeer.fields(peer.only()))
                    .containsExactlyEntriesOf(expected(
                            "from", "Acme <noreply@mg.acme.example>",
                            "to", "user@example.com",
                            "subject", "Hi",
                            "text", "Your code is 9"));
        }
    }

    @Nested
    @DisplayName("the 16 kB limit of send options")
    class OptionsLimit {
        @Test
        @DisplayName("template variables over 16 kB fail with INVALID_PAYLOAD before any request")
        void overLimit() {
            try (EmailConnector c = CATALOG.create("mailgun", config(peer.url()))) {
                assertThatThrownBy(() -> c.sendMessage(
                                TemplateType.FORGOT_PASSWORD,
                                "user@example.com",
                                Payload.builder()
                                        .code("1")
                                        .put("note", "x".repeat(17_000))
                                        .build()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.getMessage()).contains("16384");
                        });
            }
            assertThat(peer.requests()).isEmpty();
        }

        @Test
        @DisplayName("template variables under 16 kB are sent; a large html body does not count")
        void underLimit() {
            send(
                    config(peer.url()),
                    TemplateType.FORGOT_PASSWORD,
                    Payload.builder().code("1").put("note", "x".repeat(15_000)).build());
            send(
                    config(peer.url()),
                    TemplateType.SIGN_IN,
                    Payload.builder().code("x".repeat(40_000)).build());
            assertThat(peer.requests()).hasSize(2);
        }

        @Test
        @DisplayName(
                "the limit counts names and values of o:, h:, v: and t: fields in UTF-8 bytes, up to exactly 16384")
        void exactBoundary() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("html", "y".repeat(50_000));
            fields.put("h:Reply-To", "a@b.example");
            String name = "t:variables";
            int room = MailgunMessage.OPTIONS_LIMIT - "h:Reply-To".length() - "a@b.example".length() - name.length();
            fields.put(name, "é".repeat(room / 2));
            MailgunMessage.checkOptionsSize(fields);
            fields.put(name, "é".repeat(room / 2) + "x".repeat(room % 2 + 1));
            assertThatThrownBy(() -> MailgunMessage.checkOptionsSize(fields))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_PAYLOAD));
        }
    }

    @Test
    @DisplayName("reports retriesInternally() when retry.maxAttempts allows more than one attempt")
    void retriesInternally() {
        ObjectNode config = config(peer.url());
        try (EmailConnector c = CATALOG.create("mailgun", config)) {
            assertThat(c.retriesInternally()).isTrue();
        }
        config.putObject("retry").put("maxAttempts", 1);
        try (EmailConnector c = CATALOG.create("mailgun", config)) {
            assertThat(c.retriesInternally()).isFalse();
        }
    }
}
