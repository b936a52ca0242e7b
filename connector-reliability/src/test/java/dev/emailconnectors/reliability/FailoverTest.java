package dev.emailconnectors.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The failover connector")
class FailoverTest {
    private static final String TO = "user@example.com";
    private final ConnectorCatalog catalog = EmailConnectors.discover();
    private MemoryPeer first;
    private MemoryPeer second;

    @BeforeEach
    void peers() {
        first = MemoryPeer.reset("fo-first");
        second = MemoryPeer.reset("fo-second");
    }

    private EmailConnector create(ObjectNode config) {
        return catalog.create("failover", config);
    }

    private static ObjectNode config() {
        return Configs.failover("fo-first", "fo-second");
    }

    private static Payload code(String code) {
        return Payload.builder().code(code).build();
    }

    private static EmailConnectorException failure(Runnable send) {
        try {
            send.run();
        } catch (EmailConnectorException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Nested
    @DisplayName("Choosing a member")
    class Choosing {
        @Test
        @DisplayName("a healthy first member gets the message, and the result names it")
        void firstMemberAccepts() {
            try (EmailConnector c = create(config())) {
                SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, code("111111"));
                assertThat(r.connectorId()).isEqualTo("failover");
                assertThat(r.details())
                        .containsEntry("member", "fo-first")
                        .containsEntry("memberIndex", "0")
                        .containsEntry("via", "fo-first:accepted");
                assertThat(r.providerMessageId()).contains("mem-1");
            }
            assertThat(first.received).hasSize(1);
            assertThat(second.received).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = ErrorCode.class,
                names = {"PROVIDER_UNAVAILABLE", "TIMEOUT", "RATE_LIMITED"})
        @DisplayName("a retryable failure moves the message to the next member, which accepts it once")
        void retryableMovesOn(ErrorCode code) {
            first.failNext(code);
            try (EmailConnector c = create(config())) {
                SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, code("222222"));
                assertThat(r.details())
                        .containsEntry("member", "fo-second")
                        .containsEntry("memberIndex", "1")
                        .containsEntry("via", "fo-first:" + code.wireCode() + ",fo-second:accepted");
            }
            assertThat(first.received).isEmpty();
            assertThat(second.count("222222")).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = ErrorCode.class,
                names = {"INVALID_RECIPIENT", "PROVIDER_REJECTED", "INVALID_PAYLOAD", "AUTHENTICATION_FAILED"})
        @DisplayName("a permanent failure stops at that member with its own code")
        void permanentStops(ErrorCode code) {
            first.failNext(code);
            try (EmailConnector c = create(config())) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("3")));
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("'fo-first' (#0) refused the message");
                assertThat(e.connectorId()).contains("memory");
            }
            assertThat(second.attempts).hasValue(0);
        }

        @Test
        @DisplayName("codes listed in failOverOn move on too")
        void failOverOnListedCodes() {
            first.failNext(ErrorCode.AUTHENTICATION_FAILED);
            ObjectNode config = config();
            config.putArray("failOverOn").add("authentication_failed");
            try (EmailConnector c = create(config)) {
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("4")).details())
                        .containsEntry("member", "fo-second");
            }
        }

        @Test
        @DisplayName("onTimeout \"stop\" reports a timeout instead of risking a second delivery")
        void stopOnTimeout() {
            first.acceptThenTimeOut();
            ObjectNode config = config().put("onTimeout", "stop");
            try (EmailConnector c = create(config)) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("5")));
                assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                assertThat(e.getMessage()).contains("onTimeout is \"stop\"");
            }
            assertThat(first.received).hasSize(1);
            assertThat(second.attempts).hasValue(0);
        }

        @Test
        @DisplayName("onTimeout \"next\" (the default) delivers through the next member even if the first accepted")
        void nextOnTimeout() {
            first.acceptThenTimeOut();
            try (EmailConnector c = create(config())) {
                c.sendMessage(TemplateType.SIGN_IN, TO, code("6"));
            }
            assertThat(first.received).hasSize(1);
            assertThat(second.received).hasSize(1);
        }

        @Test
        @DisplayName("every member sees the same message id, so provider-side idempotency works across members")
        void sameMessageIdEverywhere() {
            first.acceptThenTimeOut();
            try (EmailConnector c = create(config())) {
                c.sendMessage(TemplateType.SIGN_IN, TO, code("7"));
            }
            assertThat(first.received.get(0).messageId())
                    .isEqualTo(second.received.get(0).messageId());
        }
    }

    @Nested
    @DisplayName("When no member accepts")
    class Exhaustion {
        @Test
        @DisplayName("all unavailable: PROVIDER_UNAVAILABLE, retryable, every member's failure listed")
        void allUnavailable() {
            first.failNext(ErrorCode.PROVIDER_UNAVAILABLE);
            second.failNext(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(config())) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("8")));
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e.connectorId()).contains("failover");
                assertThat(e.getMessage()).contains("'fo-first' (#0)").contains("'fo-second' (#1)");
                assertThat(e.getCause()).isInstanceOf(EmailConnectorException.class);
                assertThat(e.getSuppressed()).hasSize(1);
            }
        }

        @Test
        @DisplayName("a timeout anywhere makes the outcome TIMEOUT: acceptance is unknown")
        void timeoutWins() {
            first.failNext(ErrorCode.TIMEOUT);
            second.failNext(ErrorCode.RATE_LIMITED);
            try (EmailConnector c = create(config())) {
                assertThat(failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("9")))
                                .code())
                        .isEqualTo(ErrorCode.TIMEOUT);
            }
        }

        @Test
        @DisplayName("the earliest retry-after of the members is reported")
        void earliestRetryAfter() {
            first.retryAfter(Duration.ofSeconds(30)).failNext(ErrorCode.RATE_LIMITED);
            second.retryAfter(Duration.ofSeconds(4)).failNext(ErrorCode.RATE_LIMITED);
            try (EmailConnector c = create(config())) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("10")));
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
            }
        }
    }

    @Nested
    @DisplayName("Circuit breakers")
    class Circuits {
        private ObjectNode breakerConfig(String delay) {
            ObjectNode config = config();
            config.putObject("circuitBreaker").put("failureThreshold", 2).put("delay", delay);
            return config;
        }

        @Test
        @DisplayName("after failureThreshold failures a member is skipped without being called")
        void opensAfterThreshold() {
            first.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(breakerConfig("PT1H"))) {
                for (int i = 0; i < 5; i++) {
                    c.sendMessage(TemplateType.SIGN_IN, TO, code("c" + i));
                }
                SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, code("last"));
                assertThat(r.details()).containsEntry("via", "fo-first:circuit_open,fo-second:accepted");
            }
            assertThat(first.attempts).hasValue(2);
            assertThat(second.received).hasSize(6);
        }

        @Test
        @DisplayName("after the delay one probe goes to the member; success closes the circuit")
        void halfOpenProbeCloses() throws InterruptedException {
            first.failNext(ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(breakerConfig("PT0.2S"))) {
                c.sendMessage(TemplateType.SIGN_IN, TO, code("a"));
                c.sendMessage(TemplateType.SIGN_IN, TO, code("b"));
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("c")).details())
                        .containsEntry("member", "fo-second");
                Thread.sleep(400);
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("probe"))
                                .details())
                        .containsEntry("member", "fo-first");
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("after"))
                                .details())
                        .containsEntry("member", "fo-first");
            }
        }

        @Test
        @DisplayName("a failed probe opens the circuit again")
        void halfOpenProbeReopens() throws InterruptedException {
            first.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(breakerConfig("PT0.2S"))) {
                c.sendMessage(TemplateType.SIGN_IN, TO, code("a"));
                c.sendMessage(TemplateType.SIGN_IN, TO, code("b"));
                Thread.sleep(400);
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("probe"))
                                .details())
                        .containsEntry("via", "fo-first:provider_unavailable,fo-second:accepted");
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("skip")).details())
                        .containsEntry("via", "fo-first:circuit_open,fo-second:accepted");
            }
            assertThat(first.attempts).hasValue(3);
        }

        @Test
        @DisplayName("with every circuit open nothing is tried and the failure says when to come back")
        void allOpen() {
            first.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            second.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(breakerConfig("PT1H"))) {
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("a")));
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("b")));
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("c")));
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("circuit is open");
                assertThat(e.retryAfter())
                        .hasValueSatisfying(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
            }
            assertThat(first.attempts).hasValue(2);
            assertThat(second.attempts).hasValue(2);
        }

        @Test
        @DisplayName("a member whose probe is in flight counts as unavailable for a while, not \"retry after: PT0S\"")
        void probeInFlightHasWait() throws Exception {
            first.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            second.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (EmailConnector c = create(breakerConfig("PT0.2S"))) {
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("a")));
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("b")));
                Thread.sleep(400); // both circuits are due for a probe
                first.hold();
                Future<?> probe = pool.submit(() -> failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("p"))));
                first.awaitEntered(); // the first member's probe is in flight
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("c")));
                assertThat(e.getMessage()).contains("member(s) skipped with an open circuit");
                assertThat(e.retryAfter()).contains(Duration.ofMillis(200));
                first.open();
                probe.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("failures that concern the message do not open the circuit")
        void permanentFailuresKeepCircuitClosed() {
            first.failNext(ErrorCode.INVALID_RECIPIENT, ErrorCode.INVALID_RECIPIENT, ErrorCode.INVALID_RECIPIENT);
            try (EmailConnector c = create(breakerConfig("PT1H"))) {
                for (int i = 0; i < 3; i++) {
                    failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, code("x")));
                }
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, code("ok")).details())
                        .containsEntry("member", "fo-first");
            }
        }
    }

    @Nested
    @DisplayName("Under concurrency")
    class Concurrency {
        @Test
        @DisplayName("8 threads × 50 sends with every third attempt of the first member failing: each code once")
        void exactlyOnce() throws Exception {
            first.rule(n -> n % 3 == 0 ? first.failure(ErrorCode.PROVIDER_UNAVAILABLE) : null);
            ObjectNode config = config();
            config.putObject("circuitBreaker").put("failureThreshold", 1000);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try (EmailConnector c = create(config)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            c.sendMessage(TemplateType.SIGN_IN, TO, code(String.format("K%02d%03dZ", thread, i)));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(1, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(first.received.size() + second.received.size()).isEqualTo(400);
            assertThat(second.received).isNotEmpty();
            for (int t = 0; t < 8; t++) {
                for (int i = 0; i < 50; i++) {
                    String k = String.format("K%02d%03dZ", t, i);
                    assertThat(first.count(k) + second.count(k)).as(k).isEqualTo(1);
                }
            }
        }
    }

    @Nested
    @DisplayName("Lifecycle and capabilities")
    class Lifecycle {
        @Test
        @DisplayName("closing closes every member")
        void closesMembers() {
            create(config()).close();
            assertThat(first.closed).hasValue(1);
            assertThat(second.closed).hasValue(1);
        }

        @Test
        @DisplayName("it retries internally when a member does, and checks connections of members that can")
        void capabilities() {
            ObjectNode config = config();
            ((ObjectNode) config.at("/connectors/1/config"))
                    .put("retriesInternally", true)
                    .put("connectionCheck", true);
            try (EmailConnector c = create(config)) {
                assertThat(c.retriesInternally()).isTrue();
                assertThat(c.supportsConnectionCheck()).isTrue();
                c.checkConnection();
                second.checkFails = ErrorCode.AUTHENTICATION_FAILED;
                EmailConnectorException e = failure(c::checkConnection);
                assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                assertThat(e.getMessage()).contains("'fo-second'");
            }
            try (EmailConnector c = create(config())) {
                assertThat(c.retriesInternally()).isFalse();
                assertThat(c.supportsConnectionCheck()).isFalse();
            }
        }

        @Test
        @DisplayName("a member that cannot be created closes the ones already created")
        void creationFailureCleansUp() {
            ObjectNode config = Configs.failover("fo-first", "unbuildable");
            assertThatThrownBy(() -> create(config))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_CONFIG))
                    .hasMessageContaining("Member #1 ('memory') could not be created");
            assertThat(first.closed).hasValue(1);
        }
    }
}
