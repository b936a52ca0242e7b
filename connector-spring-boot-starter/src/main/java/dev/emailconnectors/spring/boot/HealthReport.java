package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the health indicator reports, whatever Spring Boot line shows it: {@code DOWN} when no connector is active or
 * its last {@code failure-threshold} sends in a row failed because of the provider; otherwise {@code UP}, with the
 * connector, the pool and the last outcomes as details.
 *
 * @param up whether the active connector is healthy
 * @param details the details, in a stable order
 */
record HealthReport(boolean up, Map<String, Object> details) {

    /**
     * Reads the state of the active connector. Sends nothing and opens no connection.
     *
     * @param active the active connector
     * @param tracker what sends observed
     * @param failureThreshold consecutive provider failures that turn the health DOWN
     * @return the report
     */
    static HealthReport of(ActiveEmailConnector active, SendOutcomeTracker tracker, int failureThreshold) {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<String> id = active.activeId();
        if (id.isEmpty()) {
            details.put("connector", "none");
            return new HealthReport(false, details);
        }
        details.put("connector", id.get());
        active.connectionPool().ifPresent(pool -> {
            details.put("pool.max", pool.maxConnections());
            details.put("pool.open", pool.openConnections());
            details.put("pool.busy", pool.busyConnections());
        });
        boolean up = true;
        Optional<SendOutcomeTracker.Outcomes> outcomes = tracker.outcomes(id.get());
        if (outcomes.isPresent()) {
            SendOutcomeTracker.Outcomes o = outcomes.get();
            if (o.lastSuccess() != null) {
                details.put("lastSuccess", o.lastSuccess().toString());
            }
            if (o.lastFailure() != null) {
                details.put("lastFailure", o.lastFailure().toString());
                details.put("lastError", o.lastError());
            }
            details.put("consecutiveFailures", o.consecutiveFailures());
            up = o.consecutiveFailures() < Math.max(1, failureThreshold);
        }
        return new HealthReport(up, details);
    }
}
