package dev.emailconnectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("HTTP webhook connector")
class HttpWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    private static final String TOKEN = "Bearer s3cr3t-token-4e2a";
    private static final String SECRET = WebhookVerifierTest.SECRET;
    private static final String NEW_SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY=";

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private ObjectNode config() {
        ObjectNode c = JSON.createObjectNode()
                .put("endpoint", receiver.url("/hooks/email"))
                .put("authorization", TOKEN);
        c.putArray("signingSecrets").add(SECRET);
        return c;
    }

    private EmailConnector connector(JsonNode config) {
        return CATALOG.create("http", config);
    }

    private static Payload payload() {
        return Payload.builder()
                .code("123456")
                .locale("fr-CA")
                .put("application", Map.of("name", "Acme", "id", "app1"))
                .put("user", Map.of("id", "u1", "emails", List.of("a@example.com")))
                .build();
    }

    private static EmailConnectorException failure(Runnable send) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(send::run)
                .isInstanceOf(EmailConnectorException.class)
                .satisfies(e -> caught[0] = e);
        return (EmailConnectorException) caught[0];
    }

    @Nested
    @DisplayName("sends Logto's request")
    class RequestFormat {
        @Test
        @DisplayName("POST JSON {to, type, payload} with the whole payload, Authorization and Content-Type")
        void logtoBody() throws Exception {
            try (EmailConnector c = connector(config())) {
                c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            RecordedRequest r = receiver.requests().get(0);
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getUrl().encodedPath()).isEqualTo("/hooks/email");
            assertThat(r.getHeaders().get("Authorization")).isEqualTo(TOKEN);
            assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
            assertThat(Receiver.json(r))
                    .isEqualTo(
                            JSON.readTree(
                                    """
                            {"to":"foo@logto.io","type":"SignIn","payload":{"code":"123456","locale":"fr-CA",
                             "application":{"name":"Acme","id":"app1"},"user":{"id":"u1","emails":["a@example.com"]}}}
                            """));
            assertThat(Receiver.body(r)).startsWith("{\"to\":\"foo@logto.io\",\"type\":\"SignIn\",\"payload\":{");
        }

        @Test
        @DisplayName("adds ip only when the host gives the client IP")
        void clientIp() {
            try (EmailConnector c = connector(config())) {
                c.send(SendRequest.builder(
                                TemplateType.REGISTER,
                                "foo@logto.io",
                                Payload.builder().code("1").build())
                        .clientIp("192.168.1.100")
                        .build());
                c.sendMessage(
                        TemplateType.REGISTER,
                        "foo@logto.io",
                        Payload.builder().code("2").build());
            }
            List<RecordedRequest> got = receiver.requests();
            assertThat(Receiver.json(got.get(0)).get("ip").asText()).isEqualTo("192.168.1.100");
            assertThat(Receiver.json(got.get(1)).has("ip")).isFalse();
        }

        @Test
        @DisplayName("a stored Logto configuration (endpoint and authorization only) validates and works unchanged")
        void logtoConfig() {
            ObjectNode logto =
                    JSON.createObjectNode().put("endpoint", receiver.url("/")).put("authorization", TOKEN);
            assertThat(CATALOG.validate("http-email", logto).violations()).isEmpty();
            try (EmailConnector c = CATALOG.create("http-email", logto)) {
                c.sendMessage(
                        TemplateType.GENERIC,
                        "foo@logto.io",
                        Payload.builder().code("9").build());
            }
            RecordedRequest r = receiver.requests().get(0);
            assertThat(r.getHeaders().get("webhook-id")).startsWith("msg_");
            assertThat(r.getHeaders().get("webhook-signature")).isNull();
        }

        @Test
        @DisplayName("sends the configured extra headers")
        void extraHeaders() {
            ObjectNode config = config();
            config.putObject("headers").put("X-Tenant", "acme").put("X-Env", "test");
            try (EmailConnector c = connector(config)) {
                c.sendMessage(
                        TemplateType.SIGN_IN,
                        "foo@logto.io",
                        Payload.builder().code("1").build());
            }
            RecordedRequest r = receiver.requests().get(0);
            assertThat(r.getHeaders().get("X-Tenant")).isEqualTo("acme");
            assertThat(r.getHeaders().get("X-Env")).isEqualTo("test");
        }
    }

    @Nested
    @DisplayName("signs with Standard Webhooks")
    class Signing {
        @Test
        @DisplayName("every request verifies with WebhookVerifier; webhook-id is the receipt's id")
        void verifies() throws Exception {
            SendResult result;
            try (EmailConnector c = connector(config())) {
                result = c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            RecordedRequest r = receiver.requests().get(0);
            WebhookVerifier.of(SECRET).verify(Receiver.headers(r), r.getBody().toByteArray());
            assertThat(result.providerMessageId()).contains(r.getHeaders().get("webhook-id"));
            assertThat(Long.parseLong(r.getHeaders().get("webhook-timestamp")))
                    .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        }

        @Test
        @DisplayName("lists one v1 signature per secret, the first secret first, so receivers can rotate")
        void rotation() throws Exception {
            ObjectNode config = config();
            config.putArray("signingSecrets").add(NEW_SECRET).add(SECRET);
            try (EmailConnector c = connector(config)) {
                c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            RecordedRequest r = receiver.requests().get(0);
            String[] signatures = r.getHeaders().get("webhook-signature").split(" ");
            assertThat(signatures).hasSize(2).allMatch(s -> s.startsWith("v1,"));
            byte[] body = r.getBody().toByteArray();
            WebhookVerifier.of(NEW_SECRET).verify(Receiver.headers(r), body);
            WebhookVerifier.of(SECRET).verify(Receiver.headers(r), body);
            String id = r.getHeaders().get("webhook-id");
            String ts = r.getHeaders().get("webhook-timestamp");
            WebhookVerifier.of(NEW_SECRET).verify(id, ts, signatures[0], body);
            assertThatThrownBy(() -> WebhookVerifier.of(SECRET).verify(id, ts, signatures[0], body))
                    .isInstanceOf(WebhookVerificationException.class);
        }

        @Test
        @DisplayName("the host's idempotency key gives a stable webhook-id across separate sends")
        void idempotencyKey() {
            try (EmailConnector c = connector(config())) {
                for (int i = 0; i < 2; i++) {
                    c.send(SendRequest.builder(TemplateType.SIGN_IN, "foo@logto.io", payload())
                            .idempotencyKey("passcode-42")
                            .build());
                }
            }
            List<RecordedRequest> got = receiver.requests();
            assertThat(got.get(0).getHeaders().get("webhook-id"))
                    .isEqualTo(got.get(1).getHeaders().get("webhook-id"))
                    .matches("[A-Za-z0-9_]+");
        }
    }

    @Nested
    @DisplayName("retries safely")
    class Retries {
        @Test
        @DisplayName("503 then 200 gives one SendResult after two requests with the same webhook-id, both signed")
        void retriesWithSameId() throws Exception {
            receiver.answer(503, "busy");
            SendResult result;
            try (EmailConnector c = connector(config())) {
                result = c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            List<RecordedRequest> got = receiver.requests();
            assertThat(got).hasSize(2);
            assertThat(got.get(0).getHeaders().get("webhook-id"))
                    .isEqualTo(got.get(1).getHeaders().get("webhook-id"))
                    .isEqualTo(result.providerMessageId().orElseThrow());
            assertThat(got.get(0).getBody()).isEqualTo(got.get(1).getBody());
            for (RecordedRequest r : got) {
                WebhookVerifier.of(SECRET)
                        .verify(Receiver.headers(r), r.getBody().toByteArray());
            }
        }

        @Test
        @DisplayName("429 with Retry-After: 1 waits about a second, then succeeds")
        void retryAfter() {
            receiver.answer(429, "slow down", "Retry-After", "1");
            long start = System.nanoTime();
            try (EmailConnector c = connector(config())) {
                c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(8));
            assertThat(receiver.requests()).hasSize(2);
        }

        @Test
        @DisplayName("400 is not retried and reports the receiver's text as PROVIDER_REJECTED")
        void badRequestNotRetried() {
            receiver.answer(400, "{\"message\":\"unknown template\"}");
            try (EmailConnector c = connector(config())) {
                EmailConnectorException e =
                        failure(() -> c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload()));
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.providerStatus()).hasValue(400);
                assertThat(e.getMessage()).contains("unknown template");
                assertThat(e.connectorId()).contains("http");
            }
            assertThat(receiver.requests()).hasSize(1);
        }

        @Test
        @DisplayName("401 is AUTHENTICATION_FAILED")
        void unauthorized() {
            receiver.answer(401, "no");
            try (EmailConnector c = connector(config())) {
                assertThat(failure(() -> c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload()))
                                .code())
                        .isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            }
        }

        @Test
        @DisplayName("maxAttempts 1 turns retries off")
        void noRetries() {
            receiver.answer(503, "busy");
            ObjectNode config = config();
            config.putObject("retry").put("maxAttempts", 1);
            try (EmailConnector c = connector(config)) {
                assertThat(failure(() -> c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload()))
                                .code())
                        .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            }
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("times out")
    class Timeouts {
        @Test
        @DisplayName("a receiver that never answers ends in TIMEOUT within the configured timeout")
        void hung() {
            for (int i = 0; i < 3; i++) {
                receiver.answer(new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build());
            }
            ObjectNode config = config().put("timeout", 800);
            long start = System.nanoTime();
            try (EmailConnector c = connector(config)) {
                EmailConnectorException e =
                        failure(() -> c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload()));
                assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                assertThat(e.retryable()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(750))
                    .isLessThan(Duration.ofMillis(800).plusSeconds(2));
        }
    }

    @Nested
    @DisplayName("obeys the network policy")
    class Policy {
        private final ConnectorContext publicOnly = ConnectorContext.builder()
                .networkPolicy(NetworkPolicy.publicAddressesOnly())
                .build();

        @Test
        @DisplayName("refuses the endpoint 127.0.0.1 when loopback is forbidden")
        void literal() {
            assertThatThrownBy(() -> CATALOG.create("http", config(), publicOnly))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_CONFIG));
            assertThat(receiver.requests()).isEmpty();
        }

        @Test
        @DisplayName("refuses a host name resolving to 127.0.0.1 when loopback is forbidden")
        void hostname() {
            ObjectNode config = config().put("endpoint", receiver.localhostUrl("/hooks/email"));
            try (EmailConnector c = CATALOG.create("http", config, publicOnly)) {
                EmailConnectorException e =
                        failure(() -> c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload()));
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                assertThat(e.retryable()).isFalse();
            }
            assertThat(receiver.requests()).isEmpty();
        }

        @Test
        @DisplayName("allows both by default")
        void allowedByDefault() {
            ObjectNode config = config().put("endpoint", receiver.localhostUrl("/hooks/email"));
            try (EmailConnector c = connector(config)) {
                c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    @DisplayName("captured logs contain neither the authorization value nor the signing secret")
    void logsWithoutSecrets() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try {
            receiver.answer(503, "busy");
            ObjectNode config = config();
            config.putObject("headers").put("X-Custom", "custom-header-secret-19");
            try (EmailConnector c = connector(config)) {
                c.sendMessage(TemplateType.SIGN_IN, "foo@logto.io", payload());
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        String logs = String.join(
                "\n",
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logs).contains("POST http://127.0.0.1:").contains("-> 503").contains("-> 200");
        assertThat(logs)
                .doesNotContain("s3cr3t-token-4e2a")
                .doesNotContain(SECRET.substring(6))
                .doesNotContain("custom-header-secret-19")
                .doesNotContain("123456");
    }

    @Nested
    @DisplayName("validates its configuration")
    class Validation {
        private List<String> paths(JsonNode config) {
            return CATALOG.validate("http", config).violations().stream()
                    .map(ConfigViolation::path)
                    .toList();
        }

        @Test
        @DisplayName("reports every problem with its JSON Pointer")
        void everyProblem() {
            ObjectNode config = JSON.createObjectNode().put("endpoint", "http://mail.example.com/hook");
            config.putArray("signingSecrets").add("not-a-secret").add("whsec_c2hvcnQ=");
            config.putObject("headers")
                    .put("Content-Type", "text/plain")
                    .put("Bad Name", "x")
                    .put("X-Ok", "line\nbreak");
            config.put("timeout", -1);
            config.put("authorization", "Bearer \r\nX-Injected: 1");
            assertThat(paths(config))
                    .contains(
                            "/endpoint",
                            "/signingSecrets/0",
                            "/signingSecrets/1",
                            "/headers/Content-Type",
                            "/headers/Bad Name",
                            "/headers/X-Ok",
                            "/timeout",
                            "/authorization");
        }

        @Test
        @DisplayName("requires the endpoint")
        void requiresEndpoint() {
            assertThat(paths(JSON.createObjectNode())).containsExactly("/endpoint");
        }

        @Test
        @DisplayName("masks authorization, header values and signing secrets when redacted")
        void redacts() {
            ObjectNode config = config();
            config.putObject("headers").put("X-Tenant", "acme");
            JsonNode redacted = CATALOG.redact("http", config);
            assertThat(redacted.get("authorization").asText()).isEqualTo("***");
            assertThat(redacted.get("signingSecrets").get(0).asText()).isEqualTo("***");
            assertThat(redacted.get("headers").get("X-Tenant").asText()).isEqualTo("***");
            assertThat(redacted.get("endpoint").asText()).isEqualTo(receiver.url("/hooks/email"));
        }

        @Test
        @DisplayName("renders no templates: a preview says so")
        void noTemplates() {
            assertThatCode(() -> CATALOG.require("http").metadata()).doesNotThrowAnyException();
            assertThat(CATALOG.require("http").metadata().aliases()).containsExactly("http-email");
        }
    }
}
