package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A store that lets a test wait until a send is waiting on someone else's claim (as a host's own store would). */
final class WatchedStore implements ReliabilityStore {
    private final InMemoryReliabilityStore delegate = new InMemoryReliabilityStore();
    private final CountDownLatch waiter = new CountDownLatch(1);

    @Override
    public Claim claim(String key, Instant now, Duration window) {
        Claim claim = delegate.claim(key, now, window);
        if (!claim.owner()) {
            waiter.countDown();
        }
        return claim;
    }

    @Override
    public void complete(String key, SendResult result) {
        delegate.complete(key, result);
    }

    @Override
    public void fail(String key, EmailConnectorException failure) {
        delegate.fail(key, failure);
    }

    @Override
    public Optional<Duration> tryAcquire(String key, Instant now, int limit, Duration period) {
        return delegate.tryAcquire(key, now, limit, period);
    }

    void awaitWaiter() throws InterruptedException {
        if (!waiter.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no send waited on a claim");
        }
    }
}
