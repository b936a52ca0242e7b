package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the active email connector: {@code DOWN} when no connector is active or its last
 * {@code failure-threshold} sends in a row failed because of the provider (unreachable, timeout, throttled,
 * credentials refused); otherwise {@code UP}. It sends nothing and opens no connection: it reports what real sends
 * observed, with the connection pool's state where the connector has one.
 *
 * <p>Off by default (enable it with {@code management.health.email-connectors.enabled=true}): a mail provider outage
 * should not turn the whole application's health DOWN, which would make a load balancer or orchestrator take every
 * instance out of service, or restart them, although sign-in by password and everything else still works. Enable it
 * when email is essential to your service, or put it in a health group of its own.
 *
 * <p>This is the indicator of Spring Boot 3 (Spring Boot Actuator's {@code org.springframework.boot.actuate.health});
 * on Spring Boot 4 the same report comes from an indicator of {@code spring-boot-health}.
 */
public final class EmailConnectorHealthIndicator extends AbstractHealthIndicator {
    private final ActiveEmailConnector active;
    private final SendOutcomeTracker tracker;
    private final int failureThreshold;

    EmailConnectorHealthIndicator(ActiveEmailConnector active, SendOutcomeTracker tracker, int failureThreshold) {
        super("Email connector health check failed");
        this.active = active;
        this.tracker = tracker;
        this.failureThreshold = Math.max(1, failureThreshold);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthReport report = HealthReport.of(active, tracker, failureThreshold);
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
