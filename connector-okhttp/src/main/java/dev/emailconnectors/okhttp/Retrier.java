package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailConnectorException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, after each failed attempt, whether another one is worth it and how long to wait first, and runs the
 * attempts with a Failsafe {@link RetryPolicy}. An attempt that should be retried throws a {@link RetrySignal}
 * carrying the wait; the policy retries only those, so every other failure ends the send at once.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    /** A retry that could not get at least this much time for its attempt is not started. */
    private static final long MIN_ATTEMPT_NANOS = Duration.ofMillis(50).toNanos();

    private final String connectorId;
    private final RetryOptions options;
    private final FailsafeExecutor<HttpResponse> executor;

    Retrier(String connectorId, RetryOptions options) {
        this.connectorId = connectorId;
        this.options = options;
        this.executor = Failsafe.with(RetryPolicy.<HttpResponse>builder()
                .handle(RetrySignal.class)
                .withMaxAttempts(options.maxAttempts())
                .withDelayFn(ctx -> ((RetrySignal) ctx.getLastException()).delay)
                .build());
    }

    /** @return the Failsafe executor running the attempts; immutable and shared by every send */
    FailsafeExecutor<HttpResponse> executor() {
        return executor;
    }

    /**
     * Returns what an attempt should throw after a failure: a {@link RetrySignal} when another attempt is allowed
     * and fits before the deadline, else the failure itself.
     */
    RuntimeException next(EmailConnectorException failure, int attempt, long deadlineNanos, Request request) {
        if (!failure.retryable() || attempt >= options.maxAttempts()) {
            return failure;
        }
        Duration wait;
        if (failure.retryAfter().isPresent()) {
            wait = failure.retryAfter().get();
            if (wait.compareTo(options.maxRetryAfter()) > 0) {
                return failure; // the caller decides whether to come back that much later
            }
        } else {
            wait = options.backoff(attempt);
        }
        long left = deadlineNanos - System.nanoTime() - wait.toNanos();
        if (left < MIN_ATTEMPT_NANOS) {
            return failure;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "[{}] {} failed with {}; attempt {} of {} in {} ms",
                    connectorId,
                    HttpTransport.target(request),
                    failure.code().wireCode(),
                    attempt + 1,
                    options.maxAttempts(),
                    wait.toMillis());
        }
        return new RetrySignal(failure, wait);
    }

    /** Thrown by an attempt that should be retried after {@link #delay}; never leaves the transport. */
    static final class RetrySignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient EmailConnectorException failure;
        final transient Duration delay;

        RetrySignal(EmailConnectorException failure, Duration delay) {
            super(null, null, false, false);
            this.failure = failure;
            this.delay = delay;
        }
    }
}
