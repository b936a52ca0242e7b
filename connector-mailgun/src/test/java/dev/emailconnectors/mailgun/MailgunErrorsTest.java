package dev.emailconnectors.mailgun;

import static dev.emailconnectors.mailgun.MailgunSendTest.API_KEY;
import static dev.emailconnectors.mailgun.MailgunSendTest.BASIC;
import static dev.emailconnectors.mailgun.MailgunSendTest.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

@DisplayName("Mailgun connector: errors")
class MailgunErrorsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-12-20T20:30:00Z"), ZoneOffset.UTC);

    private final MailgunPeer peer = new MailgunPeer();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<EmailConnectorException> failures = new ArrayList<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void noSecretAnywhere() {
        root.detachAppender(logs);
        root.setLevel(previous);
        peer.close();
        String credentials = BASIC.substring("Basic ".length());
        assertThat(logs.list).as("log lines at DEBUG").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(API_KEY).doesNotContain(credentials);
        }
        for (EmailConnectorException e : failures) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(API_KEY).doesNotContain(credentials);
        }
    }

    private EmailConnectorException fail(int maxAttempts) {
        ObjectNode config = MailgunSendTest.config(peer.url());
        config.putObject("retry")
                .put("maxAttempts", maxAttempts)
                .put("initialDelay", 1)
                .put("maxDelay", 5);
        ConnectorContext context = ConnectorContext.builder().clock(CLOCK).build();
        try (EmailConnector c = CATALOG.create("mailgun", config, context)) {
            Throwable[] caught = new Throwable[1];
            assertThatThrownBy(() -> c.sendMessage(
                            TemplateType.SIGN_IN,
                            "user@example.com",
                            Payload.builder().code("123456").build()))
                    .isInstanceOf(EmailConnectorException.class)
                    .satisfies(e -> caught[0] = e);
            EmailConnectorException e = (EmailConnectorException) caught[0];
            failures.add(e);
            return e;
        }
    }

    @Nested
    @DisplayName("maps each Mailgun answer to a precise code")
    class Mapping {
        @ParameterizedTest(name = "HTTP {0} \"{1}\": {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "400 | 'to' parameter is not a valid address. please check documentation | INVALID_RECIPIENT",
                    "400 | from parameter is missing | PROVIDER_REJECTED",
                    "400 | Send options (parameters starting with o:, h:, or v:) are limited to 16 kB total"
                            + " | INVALID_PAYLOAD",
                    "401 | Forbidden | AUTHENTICATION_FAILED",
                    "402 | Request failed | PROVIDER_REJECTED",
                    "403 | Domain mg.acme.example is not allowed to send large batches yet | PROVIDER_REJECTED",
                    "404 | Domain not found: mg.acme.example | INVALID_CONFIG",
                    "413 | request size exceeds 52.4MiB limit | INVALID_PAYLOAD",
                })
        @DisplayName("client errors are not retried and keep Mailgun's message")
        void clientErrors(int status, String message, ErrorCode expected) {
            peer.answer(status, "{\"message\":\"" + message + "\"}", "Content-Type", "application/json");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(status);
            assertThat(e.getMessage()).contains(message);
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("a 404 without JSON (a wrong endpoint URL): INVALID_CONFIG")
        void notFoundWithoutJson() {
            peer.answer(404, "404 page not found", "Content-Type", "text/plain");
            assertThat(fail(1).code()).isEqualTo(ErrorCode.INVALID_CONFIG);
        }

        @Test
        @DisplayName("429: RATE_LIMITED, retryable, with the delay Mailgun names in its text")
        void rateLimited() {
            peer.answer(
                    429,
                    "{\"message\":\"Domain mg.acme.example is not allowed to send: request limit exceeded, try again"
                            + " after Mon, 20 Dec 2021 20:33:21 UTC\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(201));
            assertThat(e.getMessage()).contains("request limit exceeded");
        }

        @Test
        @DisplayName("429 with Retry-After: the header wins")
        void rateLimitedHeader() {
            peer.answer(429, "{\"message\":\"slow down\"}", "Retry-After", "120");
            assertThat(fail(3).retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("500, 502, 503 and 504: PROVIDER_UNAVAILABLE, retried up to maxAttempts")
        void serverErrors() {
            peer.answer(500, "{\"message\":\"Internal Server Error\"}");
            peer.answer(502, "Bad Gateway");
            peer.answer(503, "Service Unavailable");
            peer.answer(504, "Gateway Timeout");
            EmailConnectorException e = fail(4);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.providerStatus()).hasValue(504);
            assertThat(peer.requests()).hasSize(4);
            assertThat(peer.requests())
                    .extracting(MailgunPeer::fields)
                    .as("every attempt sends the same fields")
                    .containsOnly(MailgunPeer.fields(peer.requests().get(0)));
        }

        @Test
        @DisplayName("a 200 whose body is not JSON: INVALID_RESPONSE, not retried")
        void notJson() {
            peer.answer(200, "Queued");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(peer.requests()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("keeps the API key secret")
    class Secrecy {
        @Test
        @DisplayName("an error answer that echoes the key reaches the message with the key masked")
        void echoedKeyMasked() {
            peer.answer(401, "{\"message\":\"Invalid private key " + API_KEY + "\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("Invalid private key ***");
        }

        @Test
        @DisplayName("an error answer that echoes the Basic credentials (base64 of api:key) has them masked too")
        void echoedCredentialsMasked() {
            peer.answer(400, "{\"message\":\"refused Authorization=" + BASIC + "\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.getMessage()).contains("refused Authorization=Basic ***");
        }

        @Test
        @DisplayName("DEBUG log lines of requests show the Authorization header as ***")
        void logsMasked() {
            peer.answer(503, "busy");
            fail(1);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                    .contains("/v3/mg.acme.example/messages")
                    .contains("Authorization: ***"));
        }
    }
}
