package dev.emailconnectors.sendgrid;

import static dev.emailconnectors.sendgrid.SendGridSendTest.API_KEY;
import static dev.emailconnectors.sendgrid.SendGridSendTest.CATALOG;
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
import org.slf4j.LoggerFactory;

@DisplayName("SendGrid connector: errors")
class SendGridErrorsTest {
    private final SendGridPeer peer = new SendGridPeer();
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
            assertThat(event.getFormattedMessage()).doesNotContain(API_KEY);
        }
        for (EmailConnectorException e : failures) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(API_KEY);
        }
    }

    private EmailConnectorException fail(int maxAttempts) {
        ObjectNode config = SendGridSendTest.config(peer.url());
        config.putObject("retry")
                .put("maxAttempts", maxAttempts)
                .put("initialDelay", 1)
                .put("maxDelay", 5);
        try (EmailConnector c = CATALOG.create("sendgrid", config)) {
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
    @DisplayName("maps each SendGrid answer to a precise code")
    class Mapping {
        @Test
        @DisplayName("400 validation errors: PROVIDER_REJECTED with every field and message, not retried")
        void badRequest() {
            peer.answer(
                    400,
                    """
                    {"errors":[{"message":"The subject is required.","field":"subject","help":null},
                               {"message":"Invalid type.","field":"content.0.type","help":null}],"id":"err-77"}
                    """);
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage())
                    .contains("subject: The subject is required.; content.0.type: Invalid type.")
                    .contains("HTTP 400");
            assertThat(e.providerStatus()).hasValue(400);
            assertThat(e.providerRequestId()).contains("err-77");
            assertThat(e.connectorId()).contains("sendgrid");
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("401 authorization required: AUTHENTICATION_FAILED")
        void unauthorized() {
            peer.answer(401, "{\"errors\":[{\"field\":null,\"message\":\"authorization required\"}]}");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("authorization required");
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @DisplayName("403 about an unverified from address: PROVIDER_REJECTED, not an authentication failure")
        void unverifiedSender() {
            peer.answer(
                    403,
                    "{\"errors\":[{\"field\":\"from\",\"message\":\"The from address does not match a verified"
                            + " Sender Identity.\"}]}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.getMessage()).contains("from: The from address does not match a verified Sender Identity.");
        }

        @Test
        @DisplayName("403 access forbidden: AUTHENTICATION_FAILED (the key lacks the Mail Send permission)")
        void forbidden() {
            peer.answer(403, "{\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}");
            assertThat(fail(1).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }

        @Test
        @DisplayName("400 about the recipient only: INVALID_RECIPIENT")
        void badRecipient() {
            peer.answer(
                    400,
                    "{\"errors\":[{\"field\":\"personalizations.0.to.0.email\",\"message\":\"Does not contain a"
                            + " valid address.\"}]}");
            EmailConnectorException e = fail(1);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.retryable()).isFalse();
        }

        @Test
        @DisplayName("413 content too large: INVALID_PAYLOAD")
        void tooLarge() {
            peer.answer(413, "{\"errors\":[{\"field\":null,\"message\":\"content too large\"}]}");
            assertThat(fail(1).code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
        }

        @Test
        @DisplayName("429 too many requests: RATE_LIMITED, retryable, with the Retry-After delay")
        void rateLimited() {
            peer.answer(429, "{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}", "Retry-After", "60");
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
            assertThat(e.getMessage()).contains("too many requests");
            assertThat(peer.requests())
                    .as("a Retry-After above maxRetryAfter is not waited for")
                    .hasSize(1);
        }

        @Test
        @DisplayName("500 internal server error: PROVIDER_UNAVAILABLE, retried up to maxAttempts")
        void serverError() {
            for (int i = 0; i < 3; i++) {
                peer.answer(500, "{\"errors\":[{\"field\":null,\"message\":\"internal server error\"}]}");
            }
            EmailConnectorException e = fail(3);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(peer.requests()).hasSize(3);
            assertThat(peer.requests())
                    .extracting(SendGridPeer::body)
                    .as("every attempt sends the same body")
                    .containsOnly(SendGridPeer.body(peer.requests().get(0)));
        }

        @Test
        @DisplayName("a 503 then a 202 succeeds on the second attempt")
        void retryThenSuccess() {
            peer.answer(503, "<html>busy</html>");
            ObjectNode config = SendGridSendTest.config(peer.url());
            config.putObject("retry").put("initialDelay", 1).put("maxDelay", 5);
            try (EmailConnector c = CATALOG.create("sendgrid", config)) {
                assertThat(c.sendMessage(
                                        TemplateType.SIGN_IN,
                                        "user@example.com",
                                        Payload.builder().code("1").build())
                                .providerMessageId())
                        .contains("sg-1");
            }
            assertThat(peer.requests()).hasSize(2);
        }
    }

    @Nested
    @DisplayName("keeps the API key secret")
    class Secrecy {
        @Test
        @DisplayName("an error answer that echoes the key reaches the message with the key masked")
        void echoedKeyMasked() {
            peer.answer(
                    401,
                    "{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid: Bearer "
                            + API_KEY + "\"}]}");
            EmailConnectorException e = fail(1);
            assertThat(e.getMessage())
                    .contains("The provided authorization grant is invalid")
                    .contains("***");
            assertThat(e.getMessage()).doesNotContain(API_KEY);
        }

        @Test
        @DisplayName("a key echoed where a long message is shortened leaves no part of it behind")
        void echoedAtTheCut() {
            peer.answer(400, "{\"errors\":[{\"message\":\"" + "x".repeat(490) + " " + API_KEY + "\"}]}");
            EmailConnectorException e = fail(1);
            assertThat(e.getMessage()).doesNotContain(API_KEY.substring(0, 6));
        }

        @Test
        @DisplayName("DEBUG log lines of requests show the Authorization header as ***")
        void logsMasked() {
            peer.answer(500, "oops");
            fail(1);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                    .contains("/v3/mail/send")
                    .contains("Authorization: ***"));
        }
    }
}
