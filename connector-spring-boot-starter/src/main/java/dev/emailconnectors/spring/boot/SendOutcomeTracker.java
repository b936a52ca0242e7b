package dev.emailconnectors.spring.boot;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendEvent;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers, per connector id, the last success, the last failure and how many failures pointing at the provider
 * happened in a row. Failures of the request itself (bad recipient, missing template) neither count nor reset.
 */
final class SendOutcomeTracker implements SendListener {
    private final Clock clock;
    private final ConcurrentMap<String, AtomicReference<Outcomes>> byConnector = new ConcurrentHashMap<>();

    SendOutcomeTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onSuccess(SendEvent event, SendResult result, Duration duration) {
        Instant now = clock.instant();
        state(event.connectorId()).updateAndGet(o -> new Outcomes(now, o.lastFailure, o.lastError, 0));
    }

    @Override
    public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
        if (!pointsAtProvider(error)) {
            return;
        }
        Instant now = clock.instant();
        String code = error.code().wireCode();
        state(event.connectorId()).updateAndGet(o -> new Outcomes(o.lastSuccess, now, code, o.consecutiveFailures + 1));
    }

    /** @return the outcomes of one connector, if it has sent anything */
    Optional<Outcomes> outcomes(String connectorId) {
        AtomicReference<Outcomes> ref = byConnector.get(connectorId);
        return ref == null ? Optional.empty() : Optional.of(ref.get());
    }

    private AtomicReference<Outcomes> state(String connectorId) {
        return byConnector.computeIfAbsent(connectorId, k -> new AtomicReference<>(new Outcomes(null, null, null, 0)));
    }

    static boolean pointsAtProvider(EmailConnectorException error) {
        ErrorCode code = error.code();
        return error.retryable() || code == ErrorCode.AUTHENTICATION_FAILED || code == ErrorCode.INVALID_RESPONSE;
    }

    /**
     * What one connector did lately.
     *
     * @param lastSuccess when a message was last accepted, or null
     * @param lastFailure when a send last failed because of the provider, or null
     * @param lastError that failure's wire code, or null
     * @param consecutiveFailures such failures since the last success
     */
    record Outcomes(Instant lastSuccess, Instant lastFailure, String lastError, int consecutiveFailures) {}
}
