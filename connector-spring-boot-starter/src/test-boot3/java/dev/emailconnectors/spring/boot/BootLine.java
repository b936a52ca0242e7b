package dev.emailconnectors.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.metrics.MetricsEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContext;

/** What the shared suite needs from Spring Boot 3: Spring Boot Actuator's metrics and health types. */
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
