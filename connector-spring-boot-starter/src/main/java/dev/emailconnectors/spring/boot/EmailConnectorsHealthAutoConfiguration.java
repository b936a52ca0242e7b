package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@link EmailConnectorHealthIndicator}, only with {@code management.health.email-connectors.enabled=true} and an
 * active connector. Off by default so that a mail outage does not take the whole application's health down. This is
 * Spring Boot 3's; {@link EmailConnectorsHealthContributorAutoConfiguration} does the same on Spring Boot 4.
 */
@AutoConfiguration(after = EmailConnectorsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnProperty(prefix = "management.health.email-connectors", name = "enabled", havingValue = "true")
@ConditionalOnBean(ActiveEmailConnector.class)
public class EmailConnectorsHealthAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public EmailConnectorsHealthAutoConfiguration() {}

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
    EmailConnectorHealthIndicator emailConnectorsHealthIndicator(
            ActiveEmailConnector active, SendOutcomeTracker tracker, EmailConnectorsProperties properties) {
        return new EmailConnectorHealthIndicator(
                active, tracker, properties.getHealth().getFailureThreshold());
    }
}
