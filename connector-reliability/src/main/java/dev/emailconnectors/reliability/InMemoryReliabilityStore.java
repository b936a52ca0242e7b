package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReliabilityStore} in this JVM's memory: right for a single instance, and the default. Idempotency keys are
 * kept until their window ends; rate counters are sliding logs holding at most {@code limit} timestamps per key.
 * Expired entries are swept every few thousand operations, so memory stays proportional to the keys active within
 * their windows. Thread-safe.
 */
public final class InMemoryReliabilityStore implements ReliabilityStore {
    private static final InMemoryReliabilityStore SHARED = new InMemoryReliabilityStore();
    private static final int SWEEP_EVERY = 4096;

    private final Map<String, Entry> keys = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();

    /** Creates an empty store, for a host (or test) that wants its own instead of {@link #shared()}. */
    public InMemoryReliabilityStore() {}

    /**
     * Returns the store every {@code resilient} connector of this JVM uses when the host registers none, so that
     * de-duplication and per-recipient counts survive a configuration change. Keys are namespaced by tenant.
     *
     * @return the JVM-wide store
     */
    public static InMemoryReliabilityStore shared() {
        return SHARED;
    }

    @Override
    public Claim claim(String key, Instant now, Duration window) {
        sweepSometimes(now);
        Entry fresh = new Entry(new CompletableFuture<>(), now.plus(window));
        Entry current = keys.compute(key, (k, old) -> old == null || old.reclaimableAt(now) ? fresh : old);
        return new Claim(current == fresh, current.outcome.copy());
    }

    @Override
    public void complete(String key, SendResult result) {
        Entry e = keys.get(key);
        if (e != null) {
            e.outcome.complete(result);
        }
    }

    @Override
    public void fail(String key, EmailConnectorException failure) {
        Entry e = keys.get(key);
        if (e != null && keys.remove(key, e)) {
            e.outcome.completeExceptionally(failure);
        }
    }

    @Override
    public Optional<Duration> tryAcquire(String key, Instant now, int limit, Duration period) {
        sweepSometimes(now);
        Counter counter = counters.computeIfAbsent(key, k -> new Counter(period));
        return counter.tryAcquire(now, limit, period);
    }

    /** @return how many idempotency keys and counters are held, for tests and diagnostics */
    int size() {
        return keys.size() + counters.size();
    }

    /**
     * Removes every expired idempotency key and empty counter as of a time.
     *
     * @param now the current time
     */
    void sweep(Instant now) {
        keys.entrySet().removeIf(e -> e.getValue().reclaimableAt(now));
        counters.entrySet().removeIf(e -> e.getValue().emptyAt(now));
    }

    private void sweepSometimes(Instant now) {
        if (operations.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
    }

    @Override
    public String toString() {
        return "InMemoryReliabilityStore[" + keys.size() + " keys, " + counters.size() + " counters]";
    }

    /** One idempotency key: the owner's outcome, and when the key may be claimed again. */
    private static final class Entry {
        final CompletableFuture<SendResult> outcome;
        final Instant expires;

        Entry(CompletableFuture<SendResult> outcome, Instant expires) {
            this.outcome = outcome;
            this.expires = expires;
        }

        /** A key in flight stays held however long its send takes; the owner always completes or fails it. */
        boolean reclaimableAt(Instant now) {
            return outcome.isDone() && !now.isBefore(expires);
        }
    }

    /** A sliding log of the times events were counted. */
    private static final class Counter {
        private final Deque<Instant> times = new ArrayDeque<>();
        private volatile Duration period;

        Counter(Duration period) {
            this.period = period;
        }

        synchronized Optional<Duration> tryAcquire(Instant now, int limit, Duration period) {
            this.period = period;
            Instant start = now.minus(period);
            while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
                times.pollFirst();
            }
            while (times.size() > limit) {
                times.pollFirst(); // the limit was lowered
            }
            if (times.size() < limit) {
                times.addLast(now);
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(period));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
        }

        synchronized boolean emptyAt(Instant now) {
            Instant start = now.minus(period);
            return times.isEmpty() || !times.peekLast().isAfter(start);
        }
    }
}
