package dev.emailconnectors.postmark;

import static dev.emailconnectors.postmark.PostmarkSendTest.CATALOG;
import static dev.emailconnectors.postmark.PostmarkSendTest.TOKEN;
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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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

@DisplayName("Postmark connector: errors")
class PostmarkErrorsTest {
    private final PostmarkPeer peer = new PostmarkPeer();
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
        assertThat(logs.list).as("log lines at DEBUG").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN);
        }
        for (EmailConnectorException e : failures) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(TOKEN);
        }
    }

    private EmailConnectorException fail(int maxAttempts) {
        ObjectNode config = PostmarkSendTest.config(peer.url());
        config.putObject("retry")
                .put("maxAttempts", maxAttempts)
                .put("initialDelay", 1)
                .put("maxDelay", 5);
        try (EmailConnector c = CATALOG.create("postmark", config)) {
            Throwable[] caught = new Throwable[1];
            assertThatThrownBy(() -> c.sendMessage(
                            TemplateType.SIGN_IN,
                            "to@email.com",
                            Payload.builder().code("1234").build()))
                    .isInstanceOf(EmailConnectorException.class)
                    .satisfies(e -> caught[0] = e);
            EmailConnectorException e = (EmailConnectorException) caught[0];
            failures.add(e);
            return e;
        }
    }

    @Nested
    @DisplayName("maps Postmark's ErrorCode and status to a precise code")
    class Mapping {
        @ParameterizedTest(name = "HTTP {0} with ErrorCode {1}: {2}")
        @CsvSource({
            "401, 10, AUTHENTICATION_FAILED",
            "422, 300, PROVIDER_REJECTED",
            "422, 406, INVALID_RECIPIENT",
            "422, 400, INVALID_CONFIG",
            "422, 401, INVALID_CONFIG",
            "422, 402, INVALID_PAYLOAD",
            "422, 405, PROVIDER_REJECTED",
            "422, 412, PROVIDER_REJECTED",
        })
        @DisplayName("a 4xx ErrorCode decides the code, which stays on the exception as the provider error code")
        void errorCodes(int status, String errorCode, ErrorCode expected) {
            peer.answer(status, "{\"ErrorCode\":" + errorCode + ",\"Message\":\"Postmark says " + errorCode + "\"}");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerErrorCode()).contains(errorCode);
            assertThat(e.providerStatus()).hasValue(status);
            assertThat(e.getMessage()).contains("Postmark says " + errorCode).contains("HTTP " + status);
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("406 keeps the inactive addresses Postmark names in the message")
        void inactiveRecipient() {
            peer.answer(
                    422,
                    "{\"ErrorCode\":406,\"Message\":\"You tried to send to a recipient that has been marked as"
                            + " inactive. Found inactive addresses: to@email.com. Inactive recipients are ones that"
                            + " have generated a hard bounce or a spam complaint.\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.getMessage()).contains("Found inactive addresses: to@email.com");
        }

        @Test
        @DisplayName("HTTP 429: RATE_LIMITED, retryable, with the Retry-After delay")
        void rateLimited() {
            peer.answer(429, "{\"ErrorCode\":429,\"Message\":\"Rate limit exceeded\"}", "Retry-After", "30");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("HTTP 500 and 503: PROVIDER_UNAVAILABLE, retried up to maxAttempts")
        void serverErrors() {
            peer.answer(500, "{\"ErrorCode\":0,\"Message\":\"Internal Server Error\"}");
            peer.answer(503, "Service Unavailable");
            EmailConnectorException e = fail(2);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.providerStatus()).hasValue(503);
            assertThat(peer.requests()).hasSize(2);
        }

        @Test
        @DisplayName("a 403 HTML page without ErrorCode (a firewall in front of the API): PROVIDER_REJECTED")
        void firewall() {
            peer.answer(403, "<html><body>Request blocked</body></html>", "Content-Type", "text/html");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.providerErrorCode()).isEmpty();
        }

        @Test
        @DisplayName("HTTP 413: INVALID_PAYLOAD")
        void tooLarge() {
            peer.answer(413, "Payload Too Large");
            assertThat(fail(1).code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
        }

        @Test
        @DisplayName("HTTP 200 with a non-zero ErrorCode is a failure, mapped like an error answer")
        void errorInSuccess() {
            peer.answer(200, "{\"ErrorCode\":406,\"Message\":\"Inactive recipient\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.providerErrorCode()).contains("406");
        }

        @Test
        @DisplayName("HTTP 200 whose body is not JSON: INVALID_RESPONSE, not retried")
        void notJson() {
            peer.answer(200, "OK");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(peer.requests()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("keeps the server token secret")
    class Secrecy {
        @Test
        @DisplayName("an error answer that echoes the token reaches the message with the token masked")
        void echoedTokenMasked() {
            peer.answer(401, "{\"ErrorCode\":10,\"Message\":\"Bad or missing Server API token: " + TOKEN + "\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("Bad or missing Server API token: ***");
        }

        @Test
        @DisplayName("a token echoed where a long message is shortened leaves no part of it behind")
        void echoedAtTheCut() {
            peer.answer(422, "{\"ErrorCode\":300,\"Message\":\"" + "x".repeat(490) + " " + TOKEN + "\"}");
            EmailConnectorException e = fail(1);
            assertThat(e.getMessage()).doesNotContain(TOKEN.substring(0, 6));
        }

        @Test
        @DisplayName("DEBUG log lines of requests show X-Postmark-Server-Token as ***")
        void logsMasked() {
            peer.answer(500, "oops");
            fail(1);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                    .contains("/email/withTemplate")
                    .contains("X-Postmark-Server-Token: ***"));
        }
    }
}
