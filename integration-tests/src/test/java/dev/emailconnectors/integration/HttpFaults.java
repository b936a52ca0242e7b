package dev.emailconnectors.integration;

import dev.emailconnectors.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** The HTTP faults of the fault-injection suite, as a table. */
final class HttpFaults {
    private HttpFaults() {}

    /** What a failover over a faulty and a healthy member must do with the fault. */
    enum Failover {
        /** the message moves to the next member, which accepts it once */
        NEXT,
        /** the failure concerns the message: it stops, and nobody accepts it */
        STOP,
        /** the faulty member took the message (its status line was 2xx): nobody else may get it */
        FIRST_KEEPS
    }

    /**
     * One fault.
     *
     * @param name what goes wrong
     * @param inject makes a fixture's peer (or its configuration) fail this way
     * @param code the error the connector must report, or null when success is also right
     * @param retryable whether that error must be retryable
     * @param retryAfter the retry-after it must carry, or null
     * @param failover the failover outcome
     * @param ambiguous whether the provider may have taken the message although the client saw a failure
     */
    record Fault(
            String name,
            BiConsumer<HttpFixture, com.fasterxml.jackson.databind.node.ObjectNode> inject,
            ErrorCode code,
            boolean retryable,
            Duration retryAfter,
            Failover failover,
            boolean ambiguous) {
        /**
         * Adapts the expectation to a provider's documented mapping: a non-retryable code the provider chose
         * instead, which a failover (moving on only for retryable codes and authentication failures) stops at.
         */
        Fault forFixture(HttpFixture fixture) {
            ErrorCode override = fixture.expectationOverrides().get(name);
            if (override == null) {
                return this;
            }
            boolean moves = override.retryableByDefault() || override == ErrorCode.AUTHENTICATION_FAILED;
            return new Fault(
                    name,
                    inject,
                    override,
                    override.retryableByDefault(),
                    retryAfter,
                    moves ? Failover.NEXT : Failover.STOP,
                    ambiguous);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fault> all() {
        return List.of(
                new Fault(
                        "connection refused",
                        (f, c) -> c.put("endpoint", "http://127.0.0.1:" + Ports.closed()),
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        true,
                        null,
                        Failover.NEXT,
                        false),
                new Fault(
                        "429 with Retry-After: 7",
                        (f, c) ->
                                f.peer.always(HttpFixture.json(429, "{\"message\":\"slow down\"}", "Retry-After", "7")),
                        ErrorCode.RATE_LIMITED,
                        true,
                        Duration.ofSeconds(7),
                        Failover.NEXT,
                        false),
                status("500 Internal Server Error", 500, "{\"message\":\"internal\"}"),
                status("502 Bad Gateway with an HTML body", 502, "<html><body>Bad Gateway</body></html>"),
                new Fault(
                        "503 with Retry-After: 3",
                        (f, c) -> f.peer.always(
                                HttpFixture.json(503, "{\"message\":\"maintenance\"}", "Retry-After", "3")),
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        true,
                        null,
                        Failover.NEXT,
                        false),
                status("504 Gateway Timeout", 504, ""),
                status("408 Request Timeout", 408, ""),
                new Fault(
                        "connection reset before the answer",
                        (f, c) -> f.peer.always(new MockResponse.Builder()
                                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                                .build()),
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        true,
                        null,
                        Failover.NEXT,
                        false),
                new Fault(
                        "hung response (no answer within the timeout)",
                        (f, c) -> f.hang(),
                        ErrorCode.TIMEOUT,
                        true,
                        null,
                        Failover.NEXT,
                        true),
                new Fault(
                        "2xx with a truncated body",
                        (f, c) -> f.peer.always(truncated(f)),
                        null,
                        false,
                        null,
                        Failover.FIRST_KEEPS,
                        false),
                new Fault(
                        "2xx with a body that is not JSON",
                        (f, c) -> f.peer.always(new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "application/json")
                                .body("<html>OK</html>")
                                .build()),
                        null,
                        false,
                        null,
                        Failover.FIRST_KEEPS,
                        false),
                new Fault(
                        "401 credentials refused",
                        (f, c) -> f.failAuthentication(),
                        ErrorCode.AUTHENTICATION_FAILED,
                        false,
                        null,
                        Failover.NEXT,
                        false),
                new Fault(
                        "403 forbidden",
                        (f, c) -> f.peer.always(HttpFixture.json(403, "{\"message\":\"forbidden\"}")),
                        ErrorCode.AUTHENTICATION_FAILED,
                        false,
                        null,
                        Failover.NEXT,
                        false),
                new Fault(
                        "a provider error answer (400; 422 for Postmark)",
                        (f, c) -> f.failWithProviderError("the message was refused"),
                        ErrorCode.PROVIDER_REJECTED,
                        false,
                        null,
                        Failover.STOP,
                        false));
    }

    private static Fault status(String name, int status, String body) {
        return new Fault(
                name,
                (f, c) -> f.peer.always(
                        new MockResponse.Builder().code(status).body(body).build()),
                ErrorCode.PROVIDER_UNAVAILABLE,
                true,
                null,
                Failover.NEXT,
                false);
    }

    private static MockResponse truncated(HttpFixture f) {
        MockResponse ok = f.success(null);
        Buffer partial = new Buffer().writeUtf8("{\"MessageId\":\"trunc");
        return ok.newBuilder()
                .body(partial)
                .setHeader("Content-Length", 400)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false))
                .build();
    }
}
