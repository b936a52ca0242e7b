package dev.emailconnectors.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Realm connectors")
class RealmConnectorsTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SECRET = "Bearer kc-webhook-9f3c-secret";
    private static final Function<String, Optional<String>> VAULT =
            expression -> expression.equals("${vault.webhook}") ? Optional.of(SECRET) : Optional.empty();

    private final MockWebServer http = new MockWebServer();

    private final RealmConnectors connectors =
            new RealmConnectors(EmailConnectors.discover(), ServerSettings.of("allow-all", null));

    @BeforeEach
    void start() throws Exception {
        http.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void close() {
        connectors.close();
        http.close();
    }

    private static Map<String, String> smtpRealm() {
        Map<String, String> map = new HashMap<>();
        map.put("host", "127.0.0.1");
        map.put("port", String.valueOf(GREENMAIL.getSmtp().getPort()));
        map.put("from", "noreply@acme.test");
        map.put("fromDisplayName", "Acme");
        map.put("replyTo", "help@acme.test");
        return map;
    }

    private static Map<String, String> httpRealm() {
        Map<String, String> map = new HashMap<>();
        map.put("from", "noreply@acme.test");
        map.put(RealmMailSettings.CONNECTOR, "http");
        return map;
    }

    private String httpConfig(String authorization) {
        return "{\"endpoint\": \"http://127.0.0.1:" + http.getPort() + "/hook\", \"authorization\": \"" + authorization
                + "\"}";
    }

    private RealmConnectors.Prepared prepared(String authorization) {
        return connectors.prepare(httpRealm(), httpConfig(authorization), null, VAULT);
    }

    private static SendRequest message(RealmConnectors.Prepared prepared, String to) {
        RenderedContent content = RenderedContent.of(
                        "Reset password",
                        "Open https://kc.test/reset",
                        "<p>Open <a href=\"https://kc.test/reset\">link</a></p>")
                .withSendFrom(prepared.settings().sendFrom().orElse(null))
                .withReplyTo(prepared.settings().replyTo().orElse(null));
        return SendRequest.builder(TemplateType.GENERIC, to, Payload.empty())
                .content(content)
                .build();
    }

    @Nested
    @DisplayName("with the realm's SMTP fields")
    class Smtp {

        @Test
        @DisplayName(
                "send Keycloak's rendered message through the smtp connector, with the realm's sender and reply-to")
        void sends() throws Exception {
            RealmConnectors.Prepared prepared = connectors.prepare(smtpRealm(), null, null, VAULT);
            assertThat(prepared.problems()).isEmpty();
            assertThat(prepared.connectorId()).isEqualTo("smtp");

            connectors.send("r1", "acme", prepared, true, message(prepared, "alice@acme.test"));

            MimeMessage received = GREENMAIL.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Reset password");
            assertThat(received.getFrom()[0]).hasToString("Acme <noreply@acme.test>");
            assertThat(received.getReplyTo()[0]).hasToString("help@acme.test");
            assertThat(GreenMailUtil.getBody(received)).contains("https://kc.test/reset");
        }

        @Test
        @DisplayName("map TLS, ports, timeouts and the password as Keycloak means them")
        void mapping() {
            Map<String, String> map = smtpRealm();
            map.remove("port");
            map.putAll(
                    Map.of("ssl", "true", "auth", "true", "user", "mailer", "password", "pw-123", "timeout", "7000"));
            RealmConnectors.Prepared prepared = connectors.prepare(map, null, "pw-123", VAULT);
            JsonNode config = prepared.config();
            assertThat(config.path("port").asInt()).isEqualTo(465);
            assertThat(config.path("secure").asBoolean()).isTrue();
            assertThat(config.path("requireTLS").asBoolean()).isFalse();
            assertThat(config.at("/auth/pass").asText()).isEqualTo("pw-123");
            assertThat(config.path("socketTimeout").asInt()).isEqualTo(7000);
            assertThat(prepared.problems()).isEmpty();
        }

        @Test
        @DisplayName("report every problem by the realm's keys: missing host and sender, token auth, bad port")
        void problems() {
            Map<String, String> map = new HashMap<>(Map.of("port", "abc", "auth", "true", "authType", "token"));
            RealmConnectors.Prepared prepared = connectors.prepare(map, null, null, VAULT);
            assertThat(prepared.problems())
                    .extracting(ConfigViolation::path)
                    .contains("/port", "/authType", "/host", "/from", "/password");
            assertThat(prepared.describe()).startsWith("Invalid email settings for connector 'smtp' (");
        }
    }

    @Nested
    @DisplayName("with a connector chosen by the realm")
    class Chosen {

        @Test
        @DisplayName("send through it, its secret resolved from the vault")
        void http() throws Exception {
            http.enqueue(new MockResponse(200, Headers.of(), ""));
            RealmConnectors.Prepared prepared = prepared("${vault.webhook}");
            assertThat(prepared.problems()).isEmpty();

            connectors.send("r1", "acme", prepared, true, message(prepared, "bob@acme.test"));

            RecordedRequest request = http.takeRequest();
            assertThat(request.getHeaders().get("Authorization")).isEqualTo(SECRET);
            JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
            assertThat(body.path("to").asText()).isEqualTo("bob@acme.test");
            assertThat(body.at("/content/subject").asText()).isEqualTo("Reset password");
            assertThat(body.at("/content/html").asText()).contains("<a href=\"https://kc.test/reset\">");
            assertThat(body.at("/content/sendFrom").asText()).isEqualTo("noreply@acme.test");
        }

        @Test
        @DisplayName("refuse a plain secret when saved, naming its key but not its value")
        void plainSecret() {
            RealmConnectors.Prepared prepared = prepared(SECRET);
            assertThat(prepared.problems()).singleElement().satisfies(p -> assertThat(p.path())
                    .isEqualTo("/emailConnectorConfig/authorization"));
            assertThat(prepared.describe()).contains("${vault.NAME}").doesNotContain(SECRET);
        }

        @Test
        @DisplayName("report a vault secret that does not exist, an unknown connector and unreadable JSON")
        void unresolvable() {
            assertThat(prepared("${vault.nope}").problems())
                    .extracting(ConfigViolation::path, ConfigViolation::message)
                    .contains(org.assertj.core.groups.Tuple.tuple(
                            "/emailConnectorConfig/authorization",
                            "refers to the vault secret ${vault.nope}, which is not set"));

            Map<String, String> unknown = httpRealm();
            unknown.put(RealmMailSettings.CONNECTOR, "carrier-pigeon");
            assertThat(connectors.check(unknown, null, VAULT))
                    .extracting(ConfigViolation::path)
                    .containsExactly("/emailConnector");
            assertThat(connectors
                            .prepare(unknown, httpConfig("${vault.webhook}"), null, VAULT)
                            .describe())
                    .contains("'carrier-pigeon' is not available")
                    .contains("smtp")
                    .contains("failover");

            assertThat(connectors
                            .prepare(httpRealm(), "{\"endpoint\": ", null, VAULT)
                            .problems())
                    .extracting(ConfigViolation::path)
                    .contains("/emailConnectorConfig");
        }

        @Test
        @DisplayName("limited to the operator's allowed connectors")
        void allowed() {
            RealmConnectors limited =
                    new RealmConnectors(EmailConnectors.discover(), ServerSettings.of(null, "smtp, failover"));
            assertThat(limited.prepare(httpRealm(), httpConfig("${vault.webhook}"), null, VAULT)
                            .describe())
                    .contains("'http' is not available; choose one of [smtp, failover]");
        }
    }

    @Test
    @DisplayName("keep one connector per realm until its settings change, and refuse to send with problems")
    void lifecycle() throws Exception {
        for (int i = 0; i < 3; i++) {
            http.enqueue(new MockResponse(200, Headers.of(), ""));
        }
        RealmConnectors.Prepared first = prepared("${vault.webhook}");
        connectors.send("r1", "acme", first, true, message(first, "a@acme.test"));
        connectors.send("r1", "acme", first, true, message(first, "b@acme.test"));
        RealmConnectors.Prepared changed = connectors.prepare(smtpRealm(), null, null, VAULT);
        connectors.send("r1", "acme", changed, true, message(changed, "c@acme.test"));
        connectors.send("r1", "acme", changed, false, message(changed, "d@acme.test"));

        assertThat(http.getRequestCount()).isEqualTo(2);
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(2);
        assertThat(first.fingerprint()).isNotEqualTo(changed.fingerprint()).doesNotContain(SECRET);

        RealmConnectors.Prepared bad = connectors.prepare(Map.of("host", "x"), null, null, VAULT);
        assertThatThrownBy(() -> connectors.send("r2", "other", bad, true, message(bad, "a@acme.test")))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    @Test
    @DisplayName("add stand-in templates to failover members, so a realm configures only transports")
    void standIns() {
        String config = "{\"connectors\": [{\"id\": \"smtp\", \"config\": {\"host\": \"127.0.0.1\", \"port\": 25,"
                + " \"fromEmail\": \"a@acme.test\"}}, {\"id\": \"http\", \"config\": {\"endpoint\":"
                + " \"http://127.0.0.1:9/hook\"}}]}";
        RealmConnectors.Prepared prepared =
                connectors.prepare(Map.of(RealmMailSettings.CONNECTOR, "failover"), config, null, VAULT);
        assertThat(prepared.problems()).isEmpty();
        assertThat(prepared.config().at("/connectors/0/config/templates").size())
                .isEqualTo(4);
        assertThat(prepared.config().at("/connectors/1/config").has("templates"))
                .isFalse();
    }

    @Test
    @DisplayName("accept the realm configuration the README shows")
    void readmeExample() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## Keycloak");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        JsonNode realm = new ObjectMapper().readTree(readme.substring(start, readme.indexOf("```", start)));
        Map<String, String> settings =
                new ObjectMapper().convertValue(realm.path("smtpServer"), new TypeReference<Map<String, String>>() {});
        String config = realm.at("/attributes/emailConnectorConfig").asText();
        Function<String, Optional<String>> vault = e -> Optional.of("value-of-" + e.length());

        RealmConnectors.Prepared prepared = connectors.prepare(settings, config, "relay-password", vault);

        assertThat(prepared.problems()).isEmpty();
        assertThat(prepared.connectorId()).isEqualTo("failover");
        assertThat(prepared.config().at("/connectors/1/config/auth/pass").asText())
                .isEqualTo("relay-password");
        assertThat(SecretReferences.plainSecrets(
                        EmailConnectors.discover(), "failover", new ObjectMapper().readTree(config)))
                .isEmpty();
    }

    @Test
    @DisplayName("close a replaced connector only after the send still using it has finished")
    void replacedWhileSending() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        http.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                answer.await(30, TimeUnit.SECONDS);
                return new MockResponse(200, Headers.of(), "");
            }
        });
        RealmConnectors.Prepared webhook = prepared("${vault.webhook}");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<SendResult> inFlight =
                    sender.submit(() -> connectors.send("r1", "acme", webhook, true, message(webhook, "a@acme.test")));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            SharedConnector replaced = connectors.current("r1");

            RealmConnectors.Prepared smtp = connectors.prepare(smtpRealm(), null, null, VAULT);
            connectors.send("r1", "acme", smtp, true, message(smtp, "b@acme.test"));
            assertThat(connectors.current("r1")).isNotSameAs(replaced);
            answer.countDown();

            assertThat(inFlight.get(30, TimeUnit.SECONDS).connectorId()).isEqualTo("http");
            assertThat(replaced.acquire()).as("retired").isNull();
            assertThatThrownBy(() -> replaced.connector().send(message(webhook, "c@acme.test")))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.getMessage())
                            .contains("closed"));
        } finally {
            answer.countDown();
            sender.shutdownNow();
        }
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }
}
