package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends a message once per idempotency key and window. A repeat gets the first result (marked
 * {@code deduplicated=true}); a repeat that arrives while the first is in flight waits for the first's outcome and
 * shares it, success or failure. A failure is not remembered: the key is released, so the host's own retry with the
 * same key sends again.
 */
final class Deduplicator {
    private final ReliabilityStore store;
    private final Clock clock;
    private final String tenant;
    private final Duration window;
    private final Duration inFlightWait;

    Deduplicator(ReliabilityStore store, Clock clock, String tenant, Duration window, Duration inFlightWait) {
        this.store = store;
        this.clock = clock;
        this.tenant = tenant;
        this.window = window;
        this.inFlightWait = inFlightWait;
    }

    SendResult once(String idempotencyKey, Supplier<SendResult> send) {
        String key = Keys.of(tenant, "dedup", idempotencyKey);
        ReliabilityStore.Claim claim = store.claim(key, clock.instant(), window);
        if (!claim.owner()) {
            return awaitFirst(claim).withDetail("deduplicated", "true");
        }
        SendResult result;
        try {
            result = send.get();
        } catch (EmailConnectorException e) {
            store.fail(key, e);
            throw e;
        } catch (RuntimeException | Error e) {
            store.fail(key, new EmailConnectorException(ErrorCode.GENERAL, "The first send failed unexpectedly", e));
            throw e;
        }
        store.complete(key, result);
        return result;
    }

    private SendResult awaitFirst(ReliabilityStore.Claim claim) {
        try {
            return claim.outcome().toCompletableFuture().get(inFlightWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EmailConnectorException) {
                EmailConnectorException first = (EmailConnectorException) e.getCause();
                throw first.toBuilder()
                        .message("A send with the same idempotency key failed: " + first.detail())
                        .cause(first)
                        .build();
            }
            throw new EmailConnectorException(
                    ErrorCode.GENERAL, "A send with the same idempotency key failed", e.getCause());
        } catch (TimeoutException e) {
            throw EmailConnectorException.builder(
                            ErrorCode.TIMEOUT,
                            "A send with the same idempotency key is still in progress after " + inFlightWait
                                    + "; whether it will be accepted is unknown")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmailConnectorException(
                    ErrorCode.GENERAL, "Interrupted while waiting for a send with the same idempotency key", e);
        }
    }
}
