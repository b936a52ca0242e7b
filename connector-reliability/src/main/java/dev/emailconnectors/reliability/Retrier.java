package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries retryable failures with a Failsafe retry policy: exponential backoff with "equal jitter" (half the delay
 * fixed, half random), a provider's {@code Retry-After} honoured up to a cap, and no retry at all beyond the cap.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxDelay;
    private final Duration retryAfterCap;
    private final boolean retryTimeouts;

    Retrier(int maxAttempts, Duration backoff, Duration maxDelay, Duration retryAfterCap, boolean retryTimeouts) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxDelay = maxDelay;
        this.retryAfterCap = retryAfterCap;
        this.retryTimeouts = retryTimeouts;
    }

    /** A retrier that makes one attempt. */
    static Retrier once() {
        return new Retrier(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
    }

    static Retrier of(JsonNode retry) {
        return new Retrier(
                retry.path("maxAttempts").asInt(3),
                Settings.duration(retry, "backoff", Duration.ofMillis(200)),
                Settings.duration(retry, "maxDelay", Duration.ofSeconds(5)),
                Settings.duration(retry, "retryAfterCap", Duration.ofSeconds(10)),
                !"stop".equals(retry.path("onTimeout").asText()));
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Runs attempts until one succeeds, a failure is not retryable, or the attempts are used up.
     *
     * @param attempt sends attempt number {@code n} (from 1)
     * @return the result of the successful attempt
     * @throws EmailConnectorException the last failure
     */
    SendResult run(IntFunction<SendResult> attempt) {
        if (maxAttempts <= 1) {
            return attempt.apply(1);
        }
        RetryPolicy<SendResult> policy = RetryPolicy.<SendResult>builder()
                .handleIf((result, failure) ->
                        failure instanceof EmailConnectorException && retries((EmailConnectorException) failure))
                .abortIf((result, failure) ->
                        failure instanceof EmailConnectorException && beyondCap((EmailConnectorException) failure))
                .withMaxAttempts(maxAttempts)
                .withDelayFn(ctx -> delay(ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> LOG.debug(
                        "Retrying after {} (attempt {})", code(e.getLastException()), e.getAttemptCount() + 1))
                .build();
        try {
            return Failsafe.with(policy).get(ctx -> attempt.apply(ctx.getAttemptCount() + 1));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmailConnectorException(ErrorCode.GENERAL, "Interrupted while waiting to retry", e);
        }
    }

    boolean retries(EmailConnectorException e) {
        return e.retryable() && (retryTimeouts || e.code() != ErrorCode.TIMEOUT);
    }

    boolean beyondCap(EmailConnectorException e) {
        return e.retryAfter().map(d -> d.compareTo(retryAfterCap) > 0).orElse(false);
    }

    /**
     * The delay before the next attempt: {@code backoff × 2^(attempts-1)}, at most {@code maxDelay}, with equal
     * jitter; at least the provider's retry-after when it gave one (the cap is enforced by aborting).
     *
     * @param attemptsMade attempts made so far (1 after the first)
     * @param failure the last failure
     * @return the delay
     */
    Duration delay(int attemptsMade, Throwable failure) {
        Duration exp = backoff.multipliedBy(1L << Math.min(Math.max(attemptsMade - 1, 0), 20));
        Duration capped = exp.compareTo(maxDelay) > 0 ? maxDelay : exp;
        long half = capped.toNanos() / 2;
        Duration jittered =
                Duration.ofNanos(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
        Optional<Duration> asked = failure instanceof EmailConnectorException
                ? ((EmailConnectorException) failure).retryAfter()
                : Optional.empty();
        return asked.filter(d -> d.compareTo(jittered) > 0).orElse(jittered);
    }

    private static String code(Throwable t) {
        return t instanceof EmailConnectorException
                ? ((EmailConnectorException) t).code().wireCode()
                : "failure";
    }

    @Override
    public String toString() {
        return "Retrier[maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", maxDelay=" + maxDelay + "]";
    }
}
