package dev.emailconnectors.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("AWS SES connector: errors and retries")
class SesErrorsTest {
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private SesPeer peer;

    @BeforeEach
    void start() {
        peer = new SesPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private SendResult send(ObjectNode config) {
        try (EmailConnector ses = CATALOG.create("ses", config)) {
            return ses.sendMessage(
                    TemplateType.SIGN_IN,
                    "user@example.com",
                    Payload.builder().code("123456").build());
        }
    }

    private EmailConnectorException failure(ObjectNode config) {
        return catchThrowableOfType(EmailConnectorException.class, () -> send(config));
    }

    private ObjectNode attempts(int maxAttempts) {
        ObjectNode config = peer.config();
        config.putObject("retry").put("maxAttempts", maxAttempts);
        return config;
    }

    private ObjectNode noRetries() {
        return attempts(1);
    }

    @Nested
    @DisplayName("SES error types")
    class ErrorTypes {
        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
            "429, TooManyRequestsException,          RATE_LIMITED,          true",
            "400, LimitExceededException,            RATE_LIMITED,          true",
            "400, SendingPausedException,            PROVIDER_REJECTED,     false",
            "400, AccountSuspendedException,         PROVIDER_REJECTED,     false",
            "400, MessageRejected,                   PROVIDER_REJECTED,     false",
            "400, MailFromDomainNotVerifiedException, PROVIDER_REJECTED,    false",
            "404, NotFoundException,                 INVALID_CONFIG,        false",
            "403, SignatureDoesNotMatch,             AUTHENTICATION_FAILED, false",
            "403, InvalidSignatureException,         AUTHENTICATION_FAILED, false",
            "403, UnrecognizedClientException,       AUTHENTICATION_FAILED, false",
            "403, InvalidClientTokenId,              AUTHENTICATION_FAILED, false",
            "403, AccessDeniedException,             AUTHENTICATION_FAILED, false",
            "400, BadRequestException,               PROVIDER_REJECTED,     false",
            "408, RequestTimeout,                    PROVIDER_UNAVAILABLE,  true",
            "500, InternalFailure,                   PROVIDER_UNAVAILABLE,  true",
            "503, ServiceUnavailable,                PROVIDER_UNAVAILABLE,  true",
        })
        @DisplayName("an error type in x-amzn-ErrorType maps to its code, with status, type and request id")
        void fromHeader(int status, String type, ErrorCode expected, boolean retryable) {
            peer.always(SesPeer.error(status, type, "Explained by SES."));

            EmailConnectorException e = failure(noRetries());

            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.retryable()).isEqualTo(retryable);
            assertThat(e.providerStatus()).hasValue(status);
            assertThat(e.providerErrorCode()).hasValue(type);
            assertThat(e.providerRequestId()).hasValue("req-" + type);
            assertThat(e.connectorId()).hasValue("ses");
            assertThat(e.getMessage()).contains("Explained by SES.").doesNotContain(SesPeer.SECRET);
        }

        @ParameterizedTest(name = "__type {1} -> {2}")
        @CsvSource({
            "429, TooManyRequestsException, RATE_LIMITED",
            "400, MessageRejected,          PROVIDER_REJECTED",
            "404, NotFoundException,        INVALID_CONFIG",
            "403, UnrecognizedClientException, AUTHENTICATION_FAILED",
        })
        @DisplayName("an error type given only as the body's __type maps the same way")
        void fromBody(int status, String type, ErrorCode expected) {
            peer.always(SesPeer.errorInBody(status, type, "Explained by SES."));

            EmailConnectorException e = failure(noRetries());

            assertThat(e.code()).isEqualTo(expected);
            assertThat(e.providerErrorCode()).hasValue(type);
            assertThat(e.providerRequestId()).hasValue("req-" + type);
        }

        @Test
        @DisplayName("a throttle that says the daily quota is used up is USAGE_LIMIT_EXCEEDED")
        void dailyQuota() {
            peer.always(SesPeer.error(400, "ThrottlingException", "Daily message quota exceeded."));

            EmailConnectorException e = failure(noRetries());

            assertThat(e.code()).isEqualTo(ErrorCode.USAGE_LIMIT_EXCEEDED);
            assertThat(e.retryable()).isFalse();
        }

        @Test
        @DisplayName("an answer that is not SES JSON is INVALID_RESPONSE")
        void unreadableAnswer() {
            peer.always(new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body("<html>proxy login</html>")
                    .build());

            EmailConnectorException e = failure(noRetries());

            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
        }
    }

    @Nested
    @DisplayName("Retries (the SDK's strategy is the only layer)")
    class Retries {
        @Test
        @DisplayName("a throttled message is sent at most 3 times by default, then fails with RATE_LIMITED")
        void throttledDefault() {
            peer.always(SesPeer.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));

            EmailConnectorException e = failure(peer.config());

            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(peer.calls()).hasSize(3);
        }

        @Test
        @DisplayName("retry.maxAttempts bounds the sends of a throttled message; 1 turns retries off")
        void throttledBounded() {
            peer.always(SesPeer.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
            failure(attempts(2));
            assertThat(peer.calls()).hasSize(2);

            peer.reset();
            peer.always(SesPeer.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
            failure(noRetries());
            assertThat(peer.calls()).hasSize(1);
        }

        @Test
        @DisplayName("a 5xx answer is retried within the same bound, then fails with PROVIDER_UNAVAILABLE")
        void serverErrors() {
            peer.always(SesPeer.error(503, "ServiceUnavailable", "Try again."));

            EmailConnectorException e = failure(peer.config());

            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(peer.calls()).hasSize(3);
        }

        @Test
        @DisplayName("a rejection is never retried")
        void rejectionNotRetried() {
            peer.always(SesPeer.error(400, "MessageRejected", "Email address is not verified."));

            failure(peer.config());

            assertThat(peer.calls()).hasSize(1);
        }

        @Test
        @DisplayName("a throttle followed by success is accepted on the second send")
        void throttleThenSuccess() {
            peer.then(SesPeer.error(429, "TooManyRequestsException", "Slow down."));

            SendResult result = send(peer.config());

            assertThat(peer.calls()).hasSize(2);
            assertThat(result.providerMessageId()).hasValue("0100018c-1");
        }

        @Test
        @DisplayName("the connector reports that it retries internally unless retry.maxAttempts is 1")
        void retriesInternally() {
            try (EmailConnector ses = CATALOG.create("ses", peer.config())) {
                assertThat(ses.retriesInternally()).isTrue();
            }
            try (EmailConnector ses = CATALOG.create("ses", noRetries())) {
                assertThat(ses.retriesInternally()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("Credentials")
    class Credentials {
        @Test
        @DisplayName("when the default chain finds no credentials the send fails with AUTHENTICATION_FAILED")
        void noCredentials() {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    System.getenv("AWS_ACCESS_KEY_ID") == null
                            && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
                            && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                            && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null,
                    "this machine provides AWS credentials through its environment");
            ObjectNode config = noRetries();
            config.remove("accessKeyId");
            config.remove("accessKeySecret");
            System.setProperty("aws.disableEc2Metadata", "true");
            System.setProperty("aws.sharedCredentialsFile", "/nonexistent/aws/credentials");
            System.setProperty("aws.configFile", "/nonexistent/aws/config");
            try {
                EmailConnectorException e = failure(config);

                assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                assertThat(e.retryable()).isFalse();
                assertThat(peer.calls()).isEmpty();
            } finally {
                System.clearProperty("aws.disableEc2Metadata");
                System.clearProperty("aws.sharedCredentialsFile");
                System.clearProperty("aws.configFile");
            }
        }
    }

    @Nested
    @DisplayName("Network failures")
    class Network {
        @Test
        @DisplayName("an endpoint that refuses connections is PROVIDER_UNAVAILABLE")
        void refused() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmailConnectorException e = failure(noRetries().put("endpoint", "http://127.0.0.1:" + port));

            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        }

        @Test
        @DisplayName(
                "an answer slower than the timeout is TIMEOUT; the timeout bounds the whole send, retries included")
        void slowAnswer() {
            peer.always(new MockResponse.Builder()
                    .code(200)
                    .body("{\"MessageId\":\"late\"}")
                    .headersDelay(5, TimeUnit.SECONDS)
                    .build());
            long start = System.nanoTime();

            EmailConnectorException e = failure(peer.config().put("timeout", 300));

            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300 + 3000));
        }
    }
}
