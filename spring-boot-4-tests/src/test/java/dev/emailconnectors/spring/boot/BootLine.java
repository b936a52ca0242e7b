package dev.emailconnectors.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * What the shared suite needs from Spring Boot 4, where metrics moved to {@code spring-boot-micrometer-metrics} and
 * health to {@code spring-boot-health}.
 */
final class BootLine {
    /** The auto-configuration that gives an application its MeterRegistry. */
    static final AutoConfigurations METRICS = AutoConfigurations.of(
            MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class);

    /** The type health indicators implement. */
    static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;

    private BootLine() {}

    /** @return what the starter's health indicator reports now */
    static HealthView health(ApplicationContext context) {
        Health health = context.getBean("emailConnectorsHealthIndicator", HealthIndicator.class)
                .health();
        return new HealthView(health.getStatus().getCode(), health.getDetails());
    }

    /** @return the meter names the actuator's metrics endpoint lists */
    static Set<String> metricNames(MeterRegistry registry) {
        return new MetricsEndpoint(registry).listNames().getNames();
    }
}
