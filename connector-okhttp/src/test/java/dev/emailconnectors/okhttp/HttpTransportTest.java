package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("HttpTransport")
class HttpTransportTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MockServer peer = new MockServer();

    @AfterEach
    void stop() {
        peer.close();
    }

    private HttpTransport transport(RetryOptions retry, Duration timeout, ConnectorContext context) {
        return HttpTransport.builder(
                        "test", new HttpOptions(HttpEndpoint.parse(peer.url("/")), timeout, retry), context)
                .build();
    }

    private HttpTransport transport(RetryOptions retry) {
        return transport(retry, Duration.ofSeconds(10), ConnectorContext.defaults());
    }

    private Request post() {
        return new Request.Builder()
                .url(peer.url("/send"))
                .post(RequestBody.create("{\"a\":1}", JSON))
                .build();
    }

    private static EmailConnectorException failure(ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOf(EmailConnectorException.class).satisfies(e -> caught[0] = e);
        return (EmailConnectorException) caught[0];
    }

    private EmailConnectorException failureFor(int status, String body, String... headers) {
        peer.enqueue(status, body, headers);
        HttpTransport http = transport(RetryOptions.none());
        return failure(() -> http.execute(post()));
    }

    @Nested
    @DisplayName("maps every answer")
    class StatusMapping {
        @Test
        @DisplayName("2xx returns status, headers and body")
        void success() {
            peer.enqueue(202, "{\"id\":\"m-1\"}", "X-Request-Id", "r-1");
            HttpResponse r = transport(RetryOptions.none()).execute(post());
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.header("x-request-id")).contains("r-1");
            assertThat(r.json().get("id").asText()).isEqualTo("m-1");
        }

        @Test
        @DisplayName("a success body that is not JSON is INVALID_RESPONSE when read as JSON")
        void unparseableSuccessBody() {
            peer.enqueue(200, "<html>ok</html>");
            HttpResponse r = transport(RetryOptions.none()).execute(post());
            EmailConnectorException e = failure(r::json);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(e.providerStatus()).hasValue(200);
        }

        @Test
        @DisplayName("401 and 403 are AUTHENTICATION_FAILED, not retryable")
        void authentication() {
            for (int status : new int[] {401, 403}) {
                EmailConnectorException e = failureFor(status, "{\"message\":\"bad key\"}");
                assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.providerStatus()).hasValue(status);
                assertThat(e.getMessage()).contains("bad key");
            }
        }

        @Test
        @DisplayName("429 is RATE_LIMITED, retryable, with Retry-After in seconds")
        void rateLimitedSeconds() {
            EmailConnectorException e = failureFor(429, "slow down", "Retry-After", "7");
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        }

        @Test
        @DisplayName("429 with an HTTP-date Retry-After is measured against the context clock")
        void rateLimitedDate() {
            peer.enqueue(429, "", "Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT");
            ConnectorContext context = ConnectorContext.builder()
                    .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                    .build();
            HttpTransport http = transport(RetryOptions.none(), Duration.ofSeconds(10), context);
            EmailConnectorException e = failure(() -> http.execute(post()));
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("408 and 5xx are PROVIDER_UNAVAILABLE, retryable")
        void unavailable() {
            for (int status : new int[] {408, 500, 502, 503, 504}) {
                EmailConnectorException e = failureFor(status, "down");
                assertThat(e.code()).as("HTTP %d", status).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
            }
        }

        @Test
        @DisplayName("other 4xx are PROVIDER_REJECTED with the provider's own text, not retryable")
        void rejected() {
            for (int status : new int[] {400, 404, 409, 413, 422}) {
                EmailConnectorException e =
                        failureFor(status, "{\"errors\":[{\"message\":\"from must be verified\"}]}");
                assertThat(e.code()).as("HTTP %d", status).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.detail()).contains("from must be verified");
            }
        }

        @Test
        @DisplayName("a plain-text error body becomes the message, on one line and shortened")
        void plainTextError() {
            EmailConnectorException e = failureFor(400, "bad\r\nrequest " + "x".repeat(2000));
            assertThat(e.detail()).contains("bad request").doesNotContain("\n").hasSizeLessThan(700);
        }

        @Test
        @DisplayName("a redirect is not followed and is PROVIDER_REJECTED")
        void redirect() {
            EmailConnectorException e = failureFor(302, "", "Location", "http://169.254.169.254/latest");
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(peer.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("the provider's parser adds its code and request id and can change the error code")
        void providerParser() {
            peer.enqueue(422, "{\"ErrorCode\":406,\"Message\":\"Inactive recipient\"}", "X-Request-Id", "req-9");
            HttpTransport http = HttpTransport.builder(
                            "test",
                            new HttpOptions(
                                    HttpEndpoint.parse(peer.url("/")), Duration.ofSeconds(5), RetryOptions.none()),
                            ConnectorContext.defaults())
                    .errorParser(response -> {
                        ProviderError e = ProviderErrorParser.standard().parse(response);
                        return "406".equals(e.providerCode()) ? e.withCode(ErrorCode.INVALID_RECIPIENT) : e;
                    })
                    .build();
            EmailConnectorException e = failure(() -> http.execute(post()));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.providerErrorCode()).contains("406");
            assertThat(e.providerRequestId()).contains("req-9");
            assertThat(e.detail()).contains("Inactive recipient");
        }

        @Test
        @DisplayName("a throttling code sent as HTTP 400 can be made RATE_LIMITED, and is then retried")
        void throttlingOverride() {
            peer.enqueue(400, "{\"Code\":\"Throttling.User\"}").enqueue(200, "{}");
            HttpTransport http = HttpTransport.builder(
                            "test",
                            new HttpOptions(
                                    HttpEndpoint.parse(peer.url("/")), Duration.ofSeconds(5), RetryOptions.defaults()),
                            ConnectorContext.defaults())
                    .errorParser(r -> {
                        ProviderError e = ProviderErrorParser.standard().parse(r);
                        return String.valueOf(e.providerCode()).startsWith("Throttling")
                                ? e.withCode(ErrorCode.RATE_LIMITED)
                                : e;
                    })
                    .build();
            assertThat(http.execute(post()).status()).isEqualTo(200);
            assertThat(peer.requestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("a parser that throws falls back to the status mapping")
        void brokenParser() {
            peer.enqueue(500, "x");
            HttpTransport http = HttpTransport.builder(
                            "test",
                            new HttpOptions(
                                    HttpEndpoint.parse(peer.url("/")), Duration.ofSeconds(5), RetryOptions.none()),
                            ConnectorContext.defaults())
                    .errorParser(r -> {
                        throw new IllegalStateException("boom");
                    })
                    .build();
            assertThat(failure(() -> http.execute(post())).code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }
    }

    @Nested
    @DisplayName("maps network failures")
    class NetworkFailures {
        @Test
        @DisplayName("a reset connection is PROVIDER_UNAVAILABLE, retryable")
        void resetConnection() {
            for (int i = 0; i < 3; i++) {
                peer.enqueue(new MockResponse.Builder()
                        .onRequestStart(new SocketEffect.CloseSocket())
                        .build());
            }
            HttpTransport http = transport(RetryOptions.none());
            EmailConnectorException e = failure(() -> http.execute(post()));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        }

        @Test
        @DisplayName("a 2xx answer whose body breaks off is INVALID_RESPONSE, not retried: the message was accepted")
        void truncatedSuccess() {
            for (int i = 0; i < 3; i++) {
                peer.enqueue(new MockResponse.Builder()
                        .code(200)
                        .body(new okio.Buffer().writeUtf8("{\"id\":\"trunc"))
                        .setHeader("Content-Length", 400)
                        .onResponseEnd(new SocketEffect.CloseSocket(true, false, false))
                        .build());
            }
            HttpTransport http = transport(RetryOptions.defaults());
            EmailConnectorException e = failure(() -> http.execute(post()));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RESPONSE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(200);
            assertThat(peer.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a refused connection is PROVIDER_UNAVAILABLE")
        void refused() {
            String url = peer.url("/send");
            peer.close();
            HttpTransport http = transport(RetryOptions.none());
            EmailConnectorException e = failure(() -> http.execute(new Request.Builder()
                    .url(url)
                    .post(RequestBody.create("{}", JSON))
                    .build()));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        }

        @Test
        @DisplayName("a server that never answers ends in TIMEOUT within the configured timeout, retries included")
        void hungResponse() {
            for (int i = 0; i < 3; i++) {
                peer.enqueue(new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build());
            }
            Duration timeout = Duration.ofMillis(700);
            HttpTransport http = transport(RetryOptions.defaults(), timeout, ConnectorContext.defaults());
            long start = System.nanoTime();
            EmailConnectorException e = failure(() -> http.execute(post()));
            Duration took = MockServer.since(start);
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(took).isGreaterThanOrEqualTo(timeout.minusMillis(50)).isLessThan(timeout.plusSeconds(2));
        }

        @Test
        @DisplayName("a closed transport refuses to send")
        void closed() {
            HttpTransport http = transport(RetryOptions.none());
            http.close();
            assertThat(failure(() -> http.execute(post())).getMessage()).contains("closed");
            assertThat(peer.requestCount()).isZero();
        }
    }

    @Nested
    @DisplayName("retries")
    class Retries {
        @Test
        @DisplayName("503 then 200 succeeds on the second attempt, building the request anew")
        void retriesUnavailable() {
            peer.enqueue(503, "busy").enqueue(200, "ok");
            AtomicInteger built = new AtomicInteger();
            HttpResponse r = transport(RetryOptions.defaults()).execute(() -> new Request.Builder()
                    .url(peer.url("/send"))
                    .header("Idempotency-Key", "msg_same")
                    .header("X-Attempt", String.valueOf(built.incrementAndGet()))
                    .post(RequestBody.create("{}", JSON))
                    .build());
            assertThat(r.body()).isEqualTo("ok");
            assertThat(peer.requests())
                    .extracting(q -> q.getHeaders().get("Idempotency-Key") + "/"
                            + q.getHeaders().get("X-Attempt"))
                    .containsExactly("msg_same/1", "msg_same/2");
        }

        @Test
        @DisplayName("400 is not retried")
        void rejectedNotRetried() {
            peer.enqueue(400, "no").enqueue(200, "ok");
            assertThat(failure(() -> transport(RetryOptions.defaults()).execute(post()))
                            .code())
                    .isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(peer.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("the last failure is reported once maxAttempts is reached")
        void givesUp() {
            peer.enqueue(500, "a").enqueue(502, "b").enqueue(503, "c").enqueue(200, "ok");
            RetryOptions two = new RetryOptions(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
            EmailConnectorException e = failure(() -> transport(two).execute(post()));
            assertThat(e.providerStatus()).hasValue(502);
            assertThat(peer.requestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("429 with Retry-After: 1 waits about a second before the next attempt")
        void honoursRetryAfter() {
            peer.enqueue(429, "", "Retry-After", "1").enqueue(200, "ok");
            long start = System.nanoTime();
            assertThat(transport(RetryOptions.defaults()).execute(post()).status())
                    .isEqualTo(200);
            assertThat(MockServer.since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(peer.requestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("a Retry-After beyond the cap fails at once with RATE_LIMITED and the requested delay")
        void retryAfterBeyondCap() {
            peer.enqueue(429, "", "Retry-After", "120").enqueue(200, "ok");
            EmailConnectorException e =
                    failure(() -> transport(RetryOptions.defaults()).execute(post()));
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
            assertThat(peer.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a retry that would not fit in the timeout is not started")
        void retryWithinBudget() {
            peer.enqueue(503, "", "Retry-After", "2").enqueue(200, "ok");
            HttpTransport http = transport(RetryOptions.defaults(), Duration.ofSeconds(1), ConnectorContext.defaults());
            EmailConnectorException e = failure(() -> http.execute(post()));
            assertThat(e.providerStatus()).hasValue(503);
            assertThat(peer.requestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("backoff grows exponentially with jitter and stays under maxDelay")
        void backoff() {
            RetryOptions r = new RetryOptions(5, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ZERO);
            for (int i = 0; i < 50; i++) {
                assertThat(r.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
                assertThat(r.backoff(2)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
                assertThat(r.backoff(5)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
            }
        }
    }

    @Nested
    @DisplayName("shares one client")
    class Sharing {
        @Test
        @DisplayName("every transport derives from the JVM-wide client and shares its pool and dispatcher")
        void sharedPool() {
            HttpTransport a = transport(RetryOptions.none(), Duration.ofSeconds(1), ConnectorContext.defaults());
            HttpTransport b = HttpTransport.builder(
                            "other",
                            new HttpOptions(
                                    HttpEndpoint.parse("https://api.example.com"),
                                    Duration.ofSeconds(3),
                                    RetryOptions.none()),
                            ConnectorContext.builder()
                                    .networkPolicy(NetworkPolicy.publicAddressesOnly())
                                    .build())
                    .build();
            assertThat(a.client()).isNotSameAs(b.client());
            assertThat(a.client().connectionPool()).isSameAs(SharedClient.get().connectionPool());
            assertThat(b.client().connectionPool()).isSameAs(SharedClient.get().connectionPool());
            assertThat(a.client().dispatcher()).isSameAs(b.client().dispatcher());
            assertThat(a.client().readTimeoutMillis()).isEqualTo(1000);
            assertThat(b.client().readTimeoutMillis()).isEqualTo(3000);
            assertThat(a.client().followRedirects()).isFalse();
            assertThat(a.client().retryOnConnectionFailure()).isFalse();
        }

        @Test
        @DisplayName("toString shows the connector and the endpoint without query values")
        void describes() {
            HttpTransport http = HttpTransport.builder(
                            "x",
                            new HttpOptions(
                                    HttpEndpoint.parse("https://api.example.com/v3?key=abc"),
                                    Duration.ofSeconds(1),
                                    RetryOptions.none()),
                            ConnectorContext.defaults())
                    .build();
            assertThat(http.toString()).isEqualTo("HttpTransport[x -> https://api.example.com/v3?key=***]");
        }
    }

    @Test
    @DisplayName("headers of the response are kept")
    void headersKept() {
        peer.enqueue(200, "", "X-A", "1", "X-B", "2");
        Headers h = transport(RetryOptions.none()).execute(post()).headers();
        assertThat(h.get("X-A")).isEqualTo("1");
        assertThat(h.get("X-B")).isEqualTo("2");
    }
}
