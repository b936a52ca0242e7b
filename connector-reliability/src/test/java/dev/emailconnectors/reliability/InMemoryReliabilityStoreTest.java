package dev.emailconnectors.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory reliability store")
class InMemoryReliabilityStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private final InMemoryReliabilityStore store = new InMemoryReliabilityStore();

    @Test
    @DisplayName("the first claim owns a key; later claims see the owner's result until the window ends")
    void claims() throws Exception {
        ReliabilityStore.Claim first = store.claim("k", T0, WINDOW);
        assertThat(first.owner()).isTrue();
        ReliabilityStore.Claim waiting = store.claim("k", T0.plusSeconds(1), WINDOW);
        assertThat(waiting.owner()).isFalse();
        assertThat(waiting.outcome().toCompletableFuture()).isNotDone();
        SendResult result = SendResult.of("x", "id-1", T0);
        store.complete("k", result);
        assertThat(waiting.outcome().toCompletableFuture().get()).isEqualTo(result);
        assertThat(store.claim("k", T0.plus(WINDOW).minusMillis(1), WINDOW).owner())
                .isFalse();
        assertThat(store.claim("k", T0.plus(WINDOW), WINDOW).owner()).isTrue();
    }

    @Test
    @DisplayName("a failure releases the key and reaches those waiting")
    void failures() {
        store.claim("k", T0, WINDOW);
        ReliabilityStore.Claim waiting = store.claim("k", T0, WINDOW);
        store.fail("k", new EmailConnectorException(ErrorCode.PROVIDER_REJECTED, "no"));
        assertThat(waiting.outcome().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EmailConnectorException.class);
        assertThat(store.claim("k", T0, WINDOW).owner()).isTrue();
    }

    @Test
    @DisplayName("a key in flight stays held past its window; nobody else sends meanwhile")
    void inFlightHeld() {
        store.claim("k", T0, WINDOW);
        assertThat(store.claim("k", T0.plus(WINDOW.multipliedBy(3)), WINDOW).owner())
                .isFalse();
    }

    @Test
    @DisplayName("a waiter cannot complete the owner's outcome")
    void outcomeIsReadOnly() {
        store.claim("k", T0, WINDOW);
        store.claim("k", T0, WINDOW).outcome().toCompletableFuture().complete(SendResult.of("x", null, T0));
        assertThat(store.claim("k", T0, WINDOW).outcome().toCompletableFuture()).isNotDone();
    }

    @Test
    @DisplayName("counters slide: the limit holds within any period, with the wait until the oldest leaves")
    void slidingCounters() {
        Duration period = Duration.ofMinutes(10);
        assertThat(store.tryAcquire("r", T0, 2, period)).isEmpty();
        assertThat(store.tryAcquire("r", T0.plusSeconds(60), 2, period)).isEmpty();
        assertThat(store.tryAcquire("r", T0.plusSeconds(120), 2, period)).contains(Duration.ofSeconds(480));
        assertThat(store.tryAcquire("r", T0.plus(period), 2, period)).isEmpty();
        assertThat(store.tryAcquire("r", T0.plus(period).plusSeconds(1), 2, period))
                .contains(Duration.ofSeconds(59));
        assertThat(store.tryAcquire("other", T0, 2, period)).isEmpty();
    }

    @Test
    @DisplayName("sweeping drops finished keys past their window and idle counters")
    void sweep() {
        store.claim("done", T0, WINDOW);
        store.complete("done", SendResult.of("x", null, T0));
        store.claim("flying", T0, WINDOW);
        store.tryAcquire("r", T0, 1, WINDOW);
        assertThat(store.size()).isEqualTo(3);
        store.sweep(T0.plus(WINDOW));
        assertThat(store.size()).isEqualTo(1);
    }
}
