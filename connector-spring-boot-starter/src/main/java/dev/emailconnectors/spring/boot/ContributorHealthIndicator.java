package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health indicator of Spring Boot 4 ({@code spring-boot-health}), reporting what
 * {@link EmailConnectorHealthIndicator} reports on Spring Boot 3: see {@link HealthReport}.
 */
final class ContributorHealthIndicator extends AbstractHealthIndicator {
    private final ActiveEmailConnector active;
    private final SendOutcomeTracker tracker;
    private final int failureThreshold;

    ContributorHealthIndicator(ActiveEmailConnector active, SendOutcomeTracker tracker, int failureThreshold) {
        super("Email connector health check failed");
        this.active = active;
        this.tracker = tracker;
        this.failureThreshold = failureThreshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = HealthReport.of(active, tracker, failureThreshold);
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
