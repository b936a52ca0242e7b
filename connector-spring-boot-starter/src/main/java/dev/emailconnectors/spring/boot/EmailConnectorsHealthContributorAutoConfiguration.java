package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator on Spring Boot 4, where health moved from Spring Boot Actuator to {@code spring-boot-health}:
 * the same report, switch and property as {@link EmailConnectorsHealthAutoConfiguration} on Spring Boot 3. Only
 * with {@code management.health.email-connectors.enabled=true} and an active connector.
 */
@AutoConfiguration(after = EmailConnectorsAutoConfiguration.class)
@ConditionalOnClass(name = EmailConnectorsHealthContributorAutoConfiguration.HEALTH_INDICATOR)
@ConditionalOnProperty(prefix = "management.health.email-connectors", name = "enabled", havingValue = "true")
@ConditionalOnBean(ActiveEmailConnector.class)
public class EmailConnectorsHealthContributorAutoConfiguration {
    static final String HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

    /** Creates the auto-configuration; Spring calls this. */
    public EmailConnectorsHealthContributorAutoConfiguration() {}

    /**
     * Observes sends for the health indicator; the context picks it up like any listener bean.
     *
     * @return the listener
     */
    @Bean
    SendOutcomeTracker emailConnectorSendOutcomes() {
        return new SendOutcomeTracker(Clock.systemUTC());
    }

    /**
     * The health indicator, shown as {@code emailConnectors} in the health endpoint.
     *
     * @param active the active connector
     * @param tracker what sends observed
     * @param properties the properties
     * @return the indicator
     */
    @Bean
    ContributorHealthIndicator emailConnectorsHealthIndicator(
            ActiveEmailConnector active, SendOutcomeTracker tracker, EmailConnectorsProperties properties) {
        return new ContributorHealthIndicator(
                active, tracker, properties.getHealth().getFailureThreshold());
    }
}
