package dev.emailconnectors.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AWS SES connector: SendEmail requests")
class SesSendEmailTest {
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    private static final Payload CODE = Payload.builder().code("123456").build();

    private SesPeer peer;

    @BeforeEach
    void start() {
        peer = new SesPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private SendResult send(ObjectNode config, EmailTemplate hostTemplate, String to, Payload payload) {
        ConnectorContext context = hostTemplate == null
                ? ConnectorContext.defaults()
                : ConnectorContext.builder()
                        .templateResolver(new MapTemplateSource().put("", hostTemplate))
                        .build();
        try (EmailConnector ses = CATALOG.create("ses", config, context)) {
            return ses.sendMessage(hostTemplate == null ? TemplateType.SIGN_IN : hostTemplate.usageType(), to, payload);
        }
    }

    private JsonNode onlyBody() {
        assertThat(peer.calls()).hasSize(1);
        return peer.calls().get(0).body();
    }

    private static JsonNode json(String text) throws Exception {
        return SesPeer.JSON.readTree(text.replace('\'', '"'));
    }

    @Nested
    @DisplayName("The body of POST /v2/email/outbound-emails")
    class Body {
        @Test
        @DisplayName("a text template is a Simple message with a UTF-8 Text body and nothing else")
        void textTemplate() throws Exception {
            SendResult result = send(peer.config(), null, "user@example.com", CODE);

            SesPeer.Call call = peer.calls().get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/v2/email/outbound-emails");
            assertThat(call.header("Content-Type")).startsWith("application/json");
            assertThat(onlyBody())
                    .isEqualTo(json("{'FromEmailAddress':'noreply@example.com',"
                            + "'Destination':{'ToAddresses':['user@example.com']},"
                            + "'Content':{'Simple':{'Subject':{'Data':'SignIn code 123456','Charset':'UTF-8'},"
                            + "'Body':{'Text':{'Data':'Your code is 123456.','Charset':'UTF-8'}}}}}"));
            assertThat(result.providerMessageId()).hasValue("0100018c-1");
        }

        @Test
        @DisplayName("an HTML template sends the escaped HTML and its derived text part, both UTF-8")
        void htmlTemplate() throws Exception {
            EmailTemplate html = EmailTemplate.html(
                    TemplateType.REGISTER,
                    "Willkommen, {{user.name}}",
                    "<p>Hallo {{user.name}}, dein Code: <b>{{code}}</b></p>"
                            + "<p><a href=\"https://example.com/verify\">Bestätigen</a></p>");
            send(
                    peer.config(),
                    html,
                    "user@example.com",
                    Payload.builder()
                            .code("654321")
                            .put("user", Map.of("name", "Jörg <J&J>"))
                            .build());

            JsonNode simple = onlyBody().path("Content").path("Simple");
            assertThat(simple.path("Subject")).isEqualTo(json("{'Data':'Willkommen, Jörg <J&J>','Charset':'UTF-8'}"));
            assertThat(simple.path("Body").path("Html"))
                    .isEqualTo(json("{'Data':'<p>Hallo Jörg &lt;J&amp;J&gt;, dein Code: <b>654321</b></p>"
                            + "<p><a href=\\'https://example.com/verify\\'>Bestätigen</a></p>','Charset':'UTF-8'}"));
            JsonNode text = simple.path("Body").path("Text");
            assertThat(text.path("Charset").asText()).isEqualTo("UTF-8");
            assertThat(text.path("Data").asText())
                    .contains("Hallo Jörg <J&J>, dein Code: 654321")
                    .contains("Bestätigen (https://example.com/verify)")
                    .doesNotContain("<p>");
        }

        @Test
        @DisplayName("a Logto configuration without contentType sends HTML, as Logto did")
        void logtoTemplatesAreHtml() {
            ObjectNode config = peer.config();
            config.withArray("templates").forEach(t -> ((ObjectNode) t).remove("contentType"));
            send(config, null, "user@example.com", CODE);

            JsonNode body = onlyBody().path("Content").path("Simple").path("Body");
            assertThat(body.path("Html").path("Data").asText()).isEqualTo("Your code is 123456.");
            assertThat(body.path("Text").path("Data").asText()).isEqualTo("Your code is 123456.");
        }

        @Test
        @DisplayName("the configuration set, identity ARNs and feedback address are sent when configured")
        void configurationSetAndArns() throws Exception {
            ObjectNode config = peer.config()
                    .put("configurationSetName", "transactional")
                    .put("emailAddressIdentityArn", "arn:aws:ses:us-east-1:123456789012:identity/example.com")
                    .put("feedbackForwardingEmailAddress", "bounces@example.com")
                    .put(
                            "feedbackForwardingEmailAddressIdentityArn",
                            "arn:aws:ses:us-east-1:123456789012:identity/bounces@example.com");
            send(config, null, "user@example.com", CODE);

            JsonNode body = onlyBody();
            assertThat(body.path("ConfigurationSetName").asText()).isEqualTo("transactional");
            assertThat(body.path("FromEmailAddressIdentityArn").asText())
                    .isEqualTo("arn:aws:ses:us-east-1:123456789012:identity/example.com");
            assertThat(body.path("FeedbackForwardingEmailAddress").asText()).isEqualTo("bounces@example.com");
            assertThat(body.path("FeedbackForwardingEmailAddressIdentityArn").asText())
                    .isEqualTo("arn:aws:ses:us-east-1:123456789012:identity/bounces@example.com");
            assertThat(body.path("Destination")).isEqualTo(json("{'ToAddresses':['user@example.com']}"));
        }

        @Test
        @DisplayName("optional fields left empty by an admin console are not sent")
        void emptyOptionalFieldsAreAbsent() {
            ObjectNode config = peer.config()
                    .put("configurationSetName", "")
                    .put("emailAddressIdentityArn", "")
                    .put("feedbackForwardingEmailAddress", "")
                    .put("feedbackForwardingEmailAddressIdentityArn", "");
            send(config, null, "user@example.com", CODE);

            assertThat(onlyBody().fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("FromEmailAddress", "Destination", "Content");
        }
    }

    @Nested
    @DisplayName("Addresses")
    class Addresses {
        @Test
        @DisplayName("the template's replyTo becomes ReplyToAddresses")
        void replyTo() {
            EmailTemplate template =
                    EmailTemplate.text(TemplateType.SIGN_IN, "Code", "{{code}}").withReplyTo("{{user.email}}");
            send(
                    peer.config(),
                    template,
                    "user@example.com",
                    Payload.builder()
                            .code("1")
                            .put("user", Map.of("email", "help@example.com"))
                            .build());

            assertThat(onlyBody().path("ReplyToAddresses").toString()).isEqualTo("[\"help@example.com\"]");
        }

        @Test
        @DisplayName("a sendFrom display name is kept; a non-ASCII one is RFC 2047 encoded")
        void sendFromDisplayName() {
            send(
                    peer.config(),
                    EmailTemplate.text(TemplateType.SIGN_IN, "Code", "{{code}}").withSendFrom("Acme Support"),
                    "a@example.com",
                    CODE);
            send(
                    peer.config(),
                    EmailTemplate.text(TemplateType.SIGN_IN, "Code", "{{code}}")
                            .withSendFrom("Société Générale <alerts@example.com>"),
                    "b@example.com",
                    CODE);

            assertThat(peer.calls().get(0).body().path("FromEmailAddress").asText())
                    .isEqualTo("Acme Support <noreply@example.com>");
            assertThat(peer.calls().get(1).body().path("FromEmailAddress").asText())
                    .isEqualTo("=?UTF-8?B?U29jacOpdMOpIEfDqW7DqXJhbGU=?= <alerts@example.com>");
        }

        @Test
        @DisplayName("an internationalized recipient domain goes out in punycode")
        void punycodeDomain() {
            send(peer.config(), null, "kunde@bücher.example", CODE);

            assertThat(onlyBody().path("Destination").path("ToAddresses").get(0).asText())
                    .isEqualTo("kunde@xn--bcher-kva.example");
        }

        @Test
        @DisplayName("a UTF-8 local part fails with INVALID_RECIPIENT before any request, as SES has no SMTPUTF8")
        void utf8LocalPartRefused() {
            assertThatThrownBy(() -> send(peer.config(), null, "josé@example.com", CODE))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
                        assertThat(e.getMessage()).contains("SMTPUTF8");
                    });
            assertThat(peer.calls()).isEmpty();
        }

        @Test
        @DisplayName("a rendered replyTo that is not an address fails with INVALID_CONFIG before any request")
        void badReplyTo() {
            EmailTemplate template =
                    EmailTemplate.text(TemplateType.SIGN_IN, "Code", "{{code}}").withReplyTo("Reply to us");
            assertThatThrownBy(() -> send(peer.config(), template, "user@example.com", CODE))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_CONFIG));
            assertThat(peer.calls()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Signing and credentials")
    class Signing {
        @Test
        @DisplayName("each request carries a SigV4 Authorization header scoped to the region and the ses service")
        void sigV4() {
            send(peer.config(), null, "user@example.com", CODE);

            SesPeer.Call call = peer.calls().get(0);
            assertThat(call.header("Authorization"))
                    .matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/us-east-1/ses/aws4_request, "
                            + "SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}");
            assertThat(call.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
            assertThat(call.header("Authorization")).doesNotContain(SesPeer.SECRET);
        }

        @Test
        @DisplayName("without accessKeyId the SDK's default credentials chain signs the request")
        void defaultCredentialsChain() {
            ObjectNode config = peer.config();
            config.remove("accessKeyId");
            config.remove("accessKeySecret");
            System.setProperty("aws.accessKeyId", "AKIDFROMCHAIN");
            System.setProperty("aws.secretAccessKey", "chain-secret");
            try {
                send(config, null, "user@example.com", CODE);
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }

            assertThat(peer.calls().get(0).header("Authorization")).contains("Credential=AKIDFROMCHAIN/");
        }
    }

    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle {
        @Test
        @DisplayName("one SDK client serves every message, and close() stops the threads it started")
        void closeReleasesThreads() throws InterruptedException {
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            EmailConnector ses = CATALOG.create("ses", peer.config());
            for (int i = 0; i < 3; i++) {
                ses.sendMessage(TemplateType.SIGN_IN, "user@example.com", CODE);
            }
            java.util.List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.getName().startsWith("sdk-"))
                    .toList();
            ses.close();
            for (Thread t : started) {
                t.join(10_000);
            }

            assertThat(peer.calls()).hasSize(3);
            assertThat(started).isNotEmpty().noneMatch(Thread::isAlive);
        }
    }
}
