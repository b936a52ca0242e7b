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
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The resilient connector")
class ResilientTest {
    private static final String TO = "user@example.com";
    private static final String FAST_RETRY = "'retry':{'maxAttempts':3,'backoff':'PT0.001S','maxDelay':'PT0.002S'}";

    private final ConnectorCatalog catalog = EmailConnectors.discover();
    private final MutableClock clock = new MutableClock();
    private final WatchedStore store = new WatchedStore();
    private MemoryPeer peer;

    @BeforeEach
    void reset() {
        peer = MemoryPeer.reset("res");
    }

    private EmailConnector create(String parts) {
        return create(Configs.resilient("res", parts));
    }

    private EmailConnector create(ObjectNode config) {
        ConnectorContext context = ConnectorContext.builder()
                .clock(clock)
                .extension(ReliabilityStore.class, store)
                .build();
        return catalog.create("resilient", config, context);
    }

    private static SendRequest keyed(String key, String to) {
        return SendRequest.builder(
                        TemplateType.SIGN_IN,
                        to,
                        Payload.builder().code("123456").build())
                .idempotencyKey(key)
                .build();
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
    @DisplayName("Retry")
    class Retry {
        @Test
        @DisplayName("retryable failures are retried until an attempt succeeds; attempts count up on one message id")
        void retriesUntilSuccess() {
            peer.failNext(ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.RATE_LIMITED);
            try (EmailConnector c = create("{" + FAST_RETRY + "}")) {
                SendResult r = c.sendMessage(
                        TemplateType.SIGN_IN, TO, Payload.builder().code("1").build());
                assertThat(r.connectorId()).isEqualTo("resilient");
                assertThat(r.details()).containsEntry("attempts", "3").containsEntry("connector", "memory");
            }
            assertThat(peer.attempts).hasValue(3);
            assertThat(peer.received).singleElement().satisfies(m -> assertThat(m.attempt())
                    .isEqualTo(3));
        }

        @Test
        @DisplayName("after maxAttempts the last failure is reported")
        void givesUp() {
            peer.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create("{" + FAST_RETRY + "}")) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
            }
            assertThat(peer.attempts).hasValue(3);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"INVALID_RECIPIENT", "PROVIDER_REJECTED", "AUTHENTICATION_FAILED", "INVALID_PAYLOAD"})
        @DisplayName("a permanent failure is not retried")
        void permanentNotRetried(String code) {
            peer.failAlways(ErrorCode.valueOf(code));
            try (EmailConnector c = create("{" + FAST_RETRY + "}")) {
                assertThat(failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()))
                                .code())
                        .isEqualTo(ErrorCode.valueOf(code));
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("a connector that retries by itself gets exactly one attempt, whatever the retry settings")
        void neverRetriesSelfRetryingConnector() {
            peer.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            ObjectNode config = Configs.resilient("res", "{" + FAST_RETRY + "}");
            ((ObjectNode) config.at("/connector/config")).put("retriesInternally", true);
            try (EmailConnector c = create(config)) {
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(c.retriesInternally()).isTrue();
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("a resilient connector that retries says so, so a second layer above it does not retry")
        void stackedLayersRetryOnce() {
            peer.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            ObjectNode inner = Configs.resilient("res", "{" + FAST_RETRY + "}");
            ObjectNode outer = (ObjectNode) Configs.parse("{" + FAST_RETRY + "}");
            outer.set("connector", Configs.member("resilient", inner));
            try (EmailConnector c = create(outer)) {
                assertThat(c.retriesInternally()).isTrue();
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
            }
            assertThat(peer.attempts).hasValue(3);
        }

        @Test
        @DisplayName("without a retry object there is one attempt")
        void offByDefault() {
            peer.failAlways(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create("")) {
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(c.retriesInternally()).isFalse();
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("onTimeout \"stop\" does not retry a timeout, which may have been accepted")
        void timeoutsCanBeExcluded() {
            peer.acceptThenTimeOut();
            try (EmailConnector c = create("{'retry':{'maxAttempts':3,'backoff':'PT0.001S','onTimeout':'stop'}}")) {
                assertThat(failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()))
                                .code())
                        .isEqualTo(ErrorCode.TIMEOUT);
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("a retry-after longer than retryAfterCap ends the retries and reaches the caller")
        void retryAfterBeyondCap() {
            peer.retryAfter(Duration.ofMinutes(1)).failAlways(ErrorCode.RATE_LIMITED);
            try (EmailConnector c = create("{'retry':{'maxAttempts':5,'retryAfterCap':'PT10S'}}")) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("a retry-after within the cap is waited for and the retry succeeds")
        void retryAfterWithinCap() {
            peer.retryAfter(Duration.ofMillis(30)).failNext(ErrorCode.RATE_LIMITED);
            try (EmailConnector c = create("{'retry':{'maxAttempts':2,'backoff':'PT0.001S','retryAfterCap':'PT1S'}}")) {
                assertThat(c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty())
                                .details())
                        .containsEntry("attempts", "2");
            }
        }
    }

    @Nested
    @DisplayName("Backoff delays")
    class Delays {
        private final Retrier retrier =
                new Retrier(6, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(10), true);

        @Test
        @DisplayName("grow exponentially with equal jitter, bounded by maxDelay")
        void exponentialWithJitter() {
            for (int i = 0; i < 200; i++) {
                assertThat(retrier.delay(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
                assertThat(retrier.delay(2, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
                assertThat(retrier.delay(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
                assertThat(retrier.delay(5, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
                assertThat(retrier.delay(30, null)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            }
        }

        @Test
        @DisplayName("are at least the provider's retry-after, and a retry-after beyond the cap aborts")
        void retryAfterHonoured() {
            EmailConnectorException asked = EmailConnectorException.builder(ErrorCode.RATE_LIMITED, "slow down")
                    .retryAfter(Duration.ofSeconds(3))
                    .build();
            assertThat(retrier.delay(1, asked)).isEqualTo(Duration.ofSeconds(3));
            assertThat(retrier.beyondCap(asked)).isFalse();
            EmailConnectorException tooLong =
                    asked.toBuilder().retryAfter(Duration.ofSeconds(11)).build();
            assertThat(retrier.beyondCap(tooLong)).isTrue();
        }
    }

    @Nested
    @DisplayName("De-duplication")
    class Deduplication {
        private static final String DEDUP = "{'deduplication':{'window':'PT10M','inFlightWait':'PT5S'}}";

        @Test
        @DisplayName("a repeat of an idempotency key returns the first result and sends nothing")
        void repeatReturnsFirst() {
            try (EmailConnector c = create(DEDUP)) {
                SendResult one = c.send(keyed("passcode-1", TO));
                SendResult two = c.send(keyed("passcode-1", TO));
                assertThat(two.providerMessageId()).isEqualTo(one.providerMessageId());
                assertThat(two.acceptedAt()).isEqualTo(one.acceptedAt());
                assertThat(two.details()).containsEntry("deduplicated", "true");
                assertThat(one.details()).doesNotContainKey("deduplicated");
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("different keys, or no key, send every time")
        void differentKeysSend() {
            try (EmailConnector c = create(DEDUP)) {
                c.send(keyed("a", TO));
                c.send(keyed("b", TO));
                c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
                c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
            }
            assertThat(peer.received).hasSize(4);
        }

        @Test
        @DisplayName("after the window the key sends again")
        void windowExpires() {
            try (EmailConnector c = create(DEDUP)) {
                c.send(keyed("k", TO));
                clock.advance(Duration.ofMinutes(9));
                c.send(keyed("k", TO));
                clock.advance(Duration.ofMinutes(2));
                c.send(keyed("k", TO));
            }
            assertThat(peer.received).hasSize(2);
        }

        @Test
        @DisplayName("a failed first send is not remembered: the host's retry with the same key goes through")
        void failureReleasesKey() {
            peer.failNext(ErrorCode.PROVIDER_UNAVAILABLE);
            try (EmailConnector c = create(DEDUP)) {
                failure(() -> c.send(keyed("k", TO)));
                assertThat(c.send(keyed("k", TO)).details()).doesNotContainKey("deduplicated");
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("a repeat while the first is in flight waits for it and shares its result")
        void inFlightRepeatWaits() throws Exception {
            peer.hold();
            try (EmailConnector c = create(DEDUP)) {
                CompletableFuture<SendResult> first = CompletableFuture.supplyAsync(() -> c.send(keyed("k", TO)));
                peer.awaitEntered();
                CompletableFuture<SendResult> second = CompletableFuture.supplyAsync(() -> c.send(keyed("k", TO)));
                store.awaitWaiter();
                assertThat(second).isNotDone();
                peer.open();
                SendResult a = first.get(10, TimeUnit.SECONDS);
                SendResult b = second.get(10, TimeUnit.SECONDS);
                assertThat(b.providerMessageId()).isEqualTo(a.providerMessageId());
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("a repeat while the first is in flight gets the first's failure when it fails")
        void inFlightRepeatSharesFailure() throws Exception {
            peer.hold().failNext(ErrorCode.PROVIDER_REJECTED);
            try (EmailConnector c = create(DEDUP)) {
                CompletableFuture<SendResult> first = CompletableFuture.supplyAsync(() -> c.send(keyed("k", TO)));
                peer.awaitEntered();
                CompletableFuture<EmailConnectorException> second =
                        CompletableFuture.supplyAsync(() -> failure(() -> c.send(keyed("k", TO))));
                store.awaitWaiter();
                peer.open();
                assertThatThrownBy(first::join).hasCauseInstanceOf(EmailConnectorException.class);
                EmailConnectorException e = second.get(10, TimeUnit.SECONDS);
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
                assertThat(e.getMessage()).contains("same idempotency key failed");
            }
            assertThat(peer.attempts).hasValue(1);
        }

        @Test
        @DisplayName("a repeat that waits longer than inFlightWait fails with TIMEOUT")
        void inFlightWaitBounded() throws Exception {
            peer.hold();
            try (EmailConnector c = create("{'deduplication':{'inFlightWait':'PT0.05S'}}")) {
                CompletableFuture<SendResult> first = CompletableFuture.supplyAsync(() -> c.send(keyed("k", TO)));
                peer.awaitEntered();
                EmailConnectorException e = failure(() -> c.send(keyed("k", TO)));
                assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                peer.open();
                first.get(10, TimeUnit.SECONDS);
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("keys are per tenant")
        void perTenant() {
            ObjectNode config = Configs.resilient("res", DEDUP);
            ConnectorContext acme = ConnectorContext.builder()
                    .tenantId("acme")
                    .extension(ReliabilityStore.class, store)
                    .build();
            try (EmailConnector a = catalog.create("resilient", config, acme);
                    EmailConnector b = create(config)) {
                a.send(keyed("k", TO));
                b.send(keyed("k", TO));
            }
            assertThat(peer.received).hasSize(2);
        }
    }

    @Nested
    @DisplayName("Rate limits")
    class RateLimits {
        @Test
        @DisplayName("per recipient: beyond the limit RATE_LIMITED at once, with the time until the oldest expires")
        void perRecipient() {
            try (EmailConnector c = create("{'rateLimit':{'perRecipient':{'messages':3,'period':'PT10M'}}}")) {
                for (int i = 0; i < 3; i++) {
                    c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
                    clock.advance(Duration.ofMinutes(1));
                }
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryable()).isTrue();
                assertThat(e.retryAfter()).contains(Duration.ofMinutes(7));
                assertThat(e.getMessage()).doesNotContain(TO);
                c.sendMessage(TemplateType.SIGN_IN, "other@example.com", Payload.empty());
                failure(() -> c.sendMessage(TemplateType.SIGN_IN, "USER@EXAMPLE.COM", Payload.empty()));
                clock.advance(Duration.ofMinutes(7));
                c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
            }
            assertThat(peer.received).hasSize(5);
        }

        @Test
        @DisplayName("per recipient: a de-duplicated repeat does not count")
        void duplicatesDoNotCount() {
            try (EmailConnector c =
                    create("{'deduplication':{}," + "'rateLimit':{'perRecipient':{'messages':1,'period':'PT10M'}}}")) {
                c.send(keyed("k", TO));
                c.send(keyed("k", TO));
                c.send(keyed("k", TO));
                assertThat(failure(() -> c.send(keyed("other", TO))).code()).isEqualTo(ErrorCode.RATE_LIMITED);
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("per connector: a send that cannot get a slot within maxWait fails with RATE_LIMITED")
        void perConnectorBounded() {
            try (EmailConnector c =
                    create("{'rateLimit':{'perConnector':{'messagesPerSecond':0.1,'maxWait':'PT0.01S'}}}")) {
                c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
            }
            assertThat(peer.received).hasSize(1);
        }

        @Test
        @DisplayName("per connector: a burst within the bounded wait is smoothed, not refused")
        void perConnectorSmooths() {
            try (EmailConnector c =
                    create("{'rateLimit':{'perConnector':{'messagesPerSecond':200,'maxWait':'PT5S'}}}")) {
                for (int i = 0; i < 20; i++) {
                    c.sendMessage(TemplateType.SIGN_IN, TO, Payload.empty());
                }
            }
            assertThat(peer.received).hasSize(20);
        }
    }

    @Nested
    @DisplayName("Sandbox")
    class Sandbox {
        private static final String SANDBOX =
                "{'sandbox':{'allow':['qa@example.com','*@example.org','*@*.test.example','*@bücher.example']}}";

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "qa@example.com",
                    "QA@Example.COM",
                    "anyone@example.org",
                    "x@eu.test.example",
                    "x@a.b.test.example",
                    "x@xn--bcher-kva.example"
                })
        @DisplayName("allowed recipients are sent to")
        void allowed(String to) {
            try (EmailConnector c = create(SANDBOX)) {
                c.sendMessage(TemplateType.SIGN_IN, to, Payload.empty());
            }
            assertThat(peer.received).hasSize(1);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "other@example.com",
                    "qa@example.com.evil.example",
                    "x@test.example",
                    "x@example.org.evil.example",
                    "x@notexample.org"
                })
        @DisplayName("anyone else fails with INVALID_RECIPIENT before any I/O")
        void refused(String to) {
            try (EmailConnector c = create(SANDBOX)) {
                EmailConnectorException e = failure(() -> c.sendMessage(TemplateType.SIGN_IN, to, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
                assertThat(e.retryable()).isFalse();
            }
            assertThat(peer.attempts).hasValue(0);
        }
    }
}
