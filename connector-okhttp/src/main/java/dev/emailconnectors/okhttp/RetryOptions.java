package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a transport retries one message: at most {@link #maxAttempts()} attempts, only for failures whose
 * {@link dev.emailconnectors.EmailConnectorException#retryable()} is true, with exponential backoff and jitter
 * between {@link #initialDelay()} and {@link #maxDelay()}. A {@code Retry-After} from the provider replaces the
 * backoff when it is at most {@link #maxRetryAfter()}; a longer one ends the send at once with
 * {@link dev.emailconnectors.ErrorCode#RATE_LIMITED} and the requested delay, so the caller can schedule it. All
 * attempts and waits together stay within {@link HttpOptions#timeout()}.
 *
 * <p>Read from the configuration object {@code retry}: {@code maxAttempts} (default 3), {@code initialDelay} (ms,
 * default 200), {@code maxDelay} (ms, default 2000), {@code maxRetryAfter} (ms, default 10000).
 *
 * @param maxAttempts attempts per message, at least 1 (1 turns retries off)
 * @param initialDelay the wait before the first retry, before jitter
 * @param maxDelay the longest backoff wait
 * @param maxRetryAfter the longest provider-requested wait the transport honours by waiting
 */
public record RetryOptions(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
    /** The default number of attempts. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private static final RetryOptions DEFAULTS = new RetryOptions(
            DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** Checks the components. */
    public RetryOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** @return 3 attempts, 200 ms initial delay, 2 s maximum delay, {@code Retry-After} honoured up to 10 s */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /** @return one attempt, no retries */
    public static RetryOptions none() {
        return new RetryOptions(1, DEFAULTS.initialDelay, DEFAULTS.maxDelay, DEFAULTS.maxRetryAfter);
    }

    /**
     * Reads the {@code retry} configuration object; absent fields take their defaults.
     *
     * @param retry the object, or a missing node
     * @return the options
     */
    public static RetryOptions from(JsonNode retry) {
        if (retry == null || !retry.isObject()) {
            return DEFAULTS;
        }
        return new RetryOptions(
                retry.path("maxAttempts").asInt(DEFAULT_MAX_ATTEMPTS),
                millis(retry, "initialDelay", DEFAULTS.initialDelay),
                millis(retry, "maxDelay", DEFAULTS.maxDelay),
                millis(retry, "maxRetryAfter", DEFAULTS.maxRetryAfter));
    }

    /**
     * Returns the backoff before a retry: {@code initialDelay × 2^(retry-1)}, capped at {@code maxDelay}, then a
     * random value between half of that and all of it ("equal jitter"), so many clients do not retry in step.
     *
     * @param retry 1 for the first retry
     * @return the wait
     */
    Duration backoff(int retry) {
        long base = initialDelay.toMillis();
        long capped = Math.min(maxDelay.toMillis(), base << Math.min(retry - 1, 20));
        if (capped <= 1) {
            return Duration.ofMillis(Math.max(capped, 0));
        }
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    private static Duration millis(JsonNode node, String field, Duration fallback) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToLong() ? Duration.ofMillis(v.asLong()) : fallback;
    }
}
