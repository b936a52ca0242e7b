package dev.emailconnectors.builtin;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts each tenant's messages in a sliding window. The counts live for the whole JVM, keyed by tenant id, so a
 * connector that is closed and created again (a configuration change) does not reset its tenant's quota.
 */
final class UsageLimiter {
    private static final Map<String, Deque<Instant>> TENANTS = new ConcurrentHashMap<>();

    private UsageLimiter() {}

    /**
     * Takes one message from a tenant's quota.
     *
     * @param tenantId the tenant
     * @param limit the quota
     * @param now the current time
     * @return the reservation, to hand back with {@link #release(String, Instant)} when the send fails
     * @throws EmailConnectorException with {@link ErrorCode#USAGE_LIMIT_EXCEEDED} and a retry-after when the quota is
     *     used up
     */
    static Instant acquire(String tenantId, UsageLimit limit, Instant now) {
        Duration[] wait = {null};
        TENANTS.compute(tenantId, (tenant, window) -> {
            Deque<Instant> w = window == null ? new ArrayDeque<>() : window;
            Instant start = now.minus(limit.period());
            while (!w.isEmpty() && !w.peekFirst().isAfter(start)) {
                w.pollFirst();
            }
            if (w.size() >= limit.messages()) {
                Instant frees = w.peekFirst().plus(limit.period());
                wait[0] = Duration.between(now, frees).isNegative() ? Duration.ZERO : Duration.between(now, frees);
            } else {
                w.addLast(now);
            }
            return w;
        });
        if (wait[0] != null) {
            throw EmailConnectorException.builder(
                            ErrorCode.USAGE_LIMIT_EXCEEDED,
                            "Tenant '" + tenantId + "' has used its quota of " + limit
                                    + " on the built-in email service; the next message can be sent in "
                                    + wait[0].toSeconds() + " s")
                    .retryAfter(wait[0])
                    .build();
        }
        return now;
    }

    /**
     * Gives a reservation back, for a message that was not accepted.
     *
     * @param tenantId the tenant
     * @param reservation what {@link #acquire(String, UsageLimit, Instant)} returned
     */
    static void release(String tenantId, Instant reservation) {
        TENANTS.computeIfPresent(tenantId, (tenant, window) -> {
            window.removeLastOccurrence(reservation);
            return window.isEmpty() ? null : window;
        });
    }
}
