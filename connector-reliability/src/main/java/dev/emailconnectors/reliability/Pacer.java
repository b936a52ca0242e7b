package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.failsafe.RateLimiter;
import java.time.Duration;

/**
 * Spaces sends evenly at a connector's sending rate with a Failsafe smooth rate limiter; a send waits for its turn up
 * to a bound, then fails with {@code RATE_LIMITED}. Per process.
 */
final class Pacer {
    private final RateLimiter<Object> limiter;
    private final Duration interval;
    private final Duration maxWait;
    private final double perSecond;

    Pacer(double messagesPerSecond, Duration maxWait) {
        this.perSecond = messagesPerSecond;
        this.interval = Duration.ofNanos(Math.max(1L, Math.round(1_000_000_000d / messagesPerSecond)));
        this.maxWait = maxWait;
        this.limiter =
                RateLimiter.smoothBuilder(interval).withMaxWaitTime(maxWait).build();
    }

    /** Waits for the next slot, up to the bound. */
    void await() {
        boolean got;
        try {
            got = limiter.tryAcquirePermit(maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmailConnectorException(ErrorCode.GENERAL, "Interrupted while waiting for a sending slot", e);
        }
        if (!got) {
            throw EmailConnectorException.builder(
                            ErrorCode.RATE_LIMITED,
                            "The connector's sending rate (" + perSecond + "/s) is used up for the next " + maxWait
                                    + "; nothing was sent")
                    .retryAfter(interval)
                    .build();
        }
    }
}
