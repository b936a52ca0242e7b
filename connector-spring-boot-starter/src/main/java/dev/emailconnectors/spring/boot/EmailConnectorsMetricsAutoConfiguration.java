package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.micrometer.ConnectionPoolMetrics;
import dev.emailconnectors.micrometer.EmailConnectorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Records every send in the application's {@link MeterRegistry} when there is one (Spring Boot Actuator provides it):
 * {@value EmailConnectorMetrics#SENDS} and {@value EmailConnectorMetrics#SEND_DURATION}, plus gauges of the active
 * connector's connection pool. Turn it off with {@code email-connectors.metrics.enabled=false}. It runs after the
 * auto-configuration that creates the registry on either Spring Boot line (3: Spring Boot Actuator; 4:
 * {@code spring-boot-micrometer-metrics}); otherwise it would find no registry yet and stay off.
 */
@AutoConfiguration(
        after = EmailConnectorsAutoConfiguration.class,
        afterName = {
            // Spring Boot 3: the MeterRegistry comes from Spring Boot Actuator's auto-configuration
            "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
            // Spring Boot 4: from spring-boot-micrometer-metrics, which the actuator starter brings
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, EmailConnectorMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "email-connectors.metrics", name = "enabled", matchIfMissing = true)
public class EmailConnectorsMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public EmailConnectorsMetricsAutoConfiguration() {}

    /**
     * The send listener that counts and times sends; the context picks it up like any listener bean.
     *
     * @param registry the application's registry
     * @param properties the properties
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    public EmailConnectorMetrics emailConnectorMetrics(MeterRegistry registry, EmailConnectorsProperties properties) {
        return EmailConnectorMetrics.builder(registry)
                .tenantTag(properties.getMetrics().isTenantTag())
                .build();
    }

    /**
     * Gauges of the active connector's connection pool, tagged {@code connector=active}; Spring Boot binds them to
     * every registry.
     *
     * @param active the active connector
     * @return the binder
     */
    @Bean
    @ConditionalOnBean(ActiveEmailConnector.class)
    @ConditionalOnMissingBean
    public ConnectionPoolMetrics emailConnectorPoolMetrics(ActiveEmailConnector active) {
        return ConnectionPoolMetrics.of(active);
    }
}
