package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.micrometer.ConnectionPoolMetrics;
import dev.emailconnectors.micrometer.EmailConnectorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The starter's observability")
class ObservabilityTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Payload CODE = Payload.builder().code("111222").build();

    /** An application with Spring Boot Actuator on this Spring Boot line, and every auto-configuration of the starter. */
    private final ApplicationContextRunner withActuator = new ApplicationContextRunner()
            .withConfiguration(BootLine.METRICS)
            .withConfiguration(AutoConfigurations.of(
                    EmailConnectorsAutoConfiguration.class,
                    EmailConnectorsMetricsAutoConfiguration.class,
                    EmailConnectorsHealthAutoConfiguration.class,
                    EmailConnectorsHealthContributorAutoConfiguration.class));

    private static String[] smtp(int port, String... more) {
        List<String> lines = new ArrayList<>(Fixtures.smtpProperties(port));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }

    @Nested
    @DisplayName("metrics")
    class Metrics {

        @Test
        @DisplayName("count and time real sends in the application's registry, and gauge the SMTP pool")
        void recorded() {
            withActuator.withPropertyValues(smtp(GREENMAIL.getSmtp().getPort())).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(EmailConnectorMetrics.class);
                ActiveEmailConnector email = context.getBean(ActiveEmailConnector.class);
                email.send(TemplateType.SIGN_IN, "user@example.com", CODE);
                email.send(TemplateType.SIGN_IN, "user@example.com", CODE);
                assertThatThrownBy(() -> email.send(TemplateType.SIGN_IN, "not-an-address", CODE))
                        .isInstanceOf(EmailConnectorException.class);

                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get(EmailConnectorMetrics.SENDS)
                                .tags("connector", "smtp", "template", "SignIn", "outcome", "success", "error", "none")
                                .counter()
                                .count())
                        .isEqualTo(2.0);
                assertThat(registry.get(EmailConnectorMetrics.SENDS)
                                .tags("outcome", "failure", "error", "invalid_recipient")
                                .counter()
                                .count())
                        .isEqualTo(1.0);
                assertThat(registry.get(EmailConnectorMetrics.SEND_DURATION)
                                .tags("connector", "smtp", "outcome", "success")
                                .timer()
                                .count())
                        .isEqualTo(2);
                assertThat(registry.find("email.connector.pool.max")
                                .tag("connector", "active")
                                .gauge())
                        .isNotNull();
            });
        }

        @Test
        @DisplayName("tag the tenant only when asked to")
        void tenantTag() {
            withActuator
                    .withPropertyValues(smtp(
                            GREENMAIL.getSmtp().getPort(),
                            "email-connectors.tenant-id=acme",
                            "email-connectors.metrics.tenant-tag=true"))
                    .run(context -> {
                        context.getBean(ActiveEmailConnector.class).send(TemplateType.REGISTER, "a@example.com", CODE);
                        assertThat(context.getBean(MeterRegistry.class)
                                        .get(EmailConnectorMetrics.SENDS)
                                        .tag("tenant", "acme")
                                        .counter()
                                        .count())
                                .isEqualTo(1.0);
                    });
        }

        @Test
        @DisplayName("are listed by the actuator's metrics endpoint, the pool gauges reading the SMTP pool")
        void actuatorNames() {
            withActuator.withPropertyValues(smtp(GREENMAIL.getSmtp().getPort())).run(context -> {
                ActiveEmailConnector email = context.getBean(ActiveEmailConnector.class);
                email.send(TemplateType.SIGN_IN, "user@example.com", CODE);
                MeterRegistry registry = context.getBean(MeterRegistry.class);

                assertThat(BootLine.metricNames(registry))
                        .contains(
                                EmailConnectorMetrics.SENDS,
                                EmailConnectorMetrics.SEND_DURATION,
                                ConnectionPoolMetrics.CONNECTIONS,
                                ConnectionPoolMetrics.MAX);
                assumeTrue(
                        email.connectionPool().isPresent(),
                        "the SMTP connector reports no pool state yet: the pool gauges read NaN");
                assertThat(registry.get(ConnectionPoolMetrics.MAX)
                                .tag("connector", "active")
                                .gauge()
                                .value())
                        .isEqualTo(email.connectionPool().get().maxConnections())
                        .isPositive();
            });
        }

        @Test
        @DisplayName("are not set up without a MeterRegistry, or when turned off")
        void absent() {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            EmailConnectorsAutoConfiguration.class, EmailConnectorsMetricsAutoConfiguration.class))
                    .withPropertyValues(smtp(GREENMAIL.getSmtp().getPort()))
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(ActiveEmailConnector.class)
                            .doesNotHaveBean(EmailConnectorMetrics.class));
            withActuator
                    .withPropertyValues(smtp(GREENMAIL.getSmtp().getPort(), "email-connectors.metrics.enabled=false"))
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(MeterRegistry.class)
                            .doesNotHaveBean(EmailConnectorMetrics.class));
        }
    }

    @Nested
    @DisplayName("the health indicator")
    class HealthIndicators {

        @Test
        @DisplayName("is off by default, even with Actuator present")
        void offByDefault() {
            withActuator
                    .withPropertyValues(smtp(GREENMAIL.getSmtp().getPort()))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BootLine.HEALTH_INDICATOR));
        }

        @Test
        @DisplayName("reports UP with the active connector and the outcome of the last send")
        void up() {
            withActuator
                    .withPropertyValues(
                            smtp(GREENMAIL.getSmtp().getPort(), "management.health.email-connectors.enabled=true"))
                    .run(context -> {
                        assertThat(context).hasSingleBean(BootLine.HEALTH_INDICATOR);
                        assertThat(BootLine.health(context).status()).isEqualTo("UP");

                        context.getBean(ActiveEmailConnector.class).send(TemplateType.SIGN_IN, "a@example.com", CODE);
                        HealthView health = BootLine.health(context);
                        assertThat(health.status()).isEqualTo("UP");
                        assertThat(health.details())
                                .containsEntry("connector", "smtp")
                                .containsEntry("consecutiveFailures", 0)
                                .containsKey("lastSuccess");
                    });
        }

        @Test
        @DisplayName("turns DOWN after consecutive provider failures; refused requests do not count")
        void down() {
            withActuator
                    .withPropertyValues(smtp(
                            Fixtures.deadPort(),
                            "management.health.email-connectors.enabled=true",
                            "email-connectors.health.failure-threshold=2"))
                    .run(context -> {
                        ActiveEmailConnector email = context.getBean(ActiveEmailConnector.class);

                        assertThatThrownBy(() -> email.send(TemplateType.SIGN_IN, "a@example.com", CODE))
                                .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.retryable())
                                        .isTrue());
                        assertThat(BootLine.health(context).status()).isEqualTo("UP");
                        assertThatThrownBy(() -> email.send(TemplateType.SIGN_IN, "bad address", CODE))
                                .isInstanceOf(EmailConnectorException.class);
                        assertThat(BootLine.health(context).status()).isEqualTo("UP");
                        assertThatThrownBy(() -> email.send(TemplateType.SIGN_IN, "b@example.com", CODE))
                                .isInstanceOf(EmailConnectorException.class);

                        HealthView health = BootLine.health(context);
                        assertThat(health.status()).isEqualTo("DOWN");
                        assertThat(health.details())
                                .containsEntry("consecutiveFailures", 2)
                                .containsEntry("lastError", "provider_unavailable");
                    });
        }
    }
}
