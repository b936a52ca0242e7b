package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.micrometer.EmailConnectorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

@DisplayName("An application with the starter")
@ExtendWith(OutputCaptureExtension.class)
class ApplicationStartupTest {

    /** A whole application: every auto-configuration on the class path, as in production. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {}

    @Test
    @DisplayName("starts with every auto-configuration, records sends in the actuator's registry, and logs no Mustache"
            + " template-location warning")
    void noMustacheWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBean(ConnectorCatalog.class).providers()).isNotEmpty();
            assertThat(context.getBeansOfType(ActiveEmailConnector.class)).isEmpty();
            assertThat(context.getBeansOfType(MeterRegistry.class)).isNotEmpty();
            assertThat(context.getBeansOfType(EmailConnectorMetrics.class)).hasSize(1);
        }
        assertThat(output.getAll())
                .contains("Email connectors available")
                .doesNotContain("Cannot find template location");
    }
}
