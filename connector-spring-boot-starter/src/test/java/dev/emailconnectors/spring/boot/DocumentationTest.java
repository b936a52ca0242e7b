package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ActiveEmailConnector;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The documentation")
class DocumentationTest {

    @Test
    @DisplayName("README's application.yml (SMTP with failover to SES) starts an active failover connector")
    void readmeYaml() throws Exception {
        String yaml = Files.readString(Fixtures.STARTER.resolve("src/test/resources/readme/application.yml"));
        assertThat(yaml.lines()).hasSize(10);
        assertThat(Files.readString(Fixtures.STARTER.resolve("README.md"))).contains(yaml);

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EmailConnectorsAutoConfiguration.class))
                .withInitializer(Fixtures.yaml("readme/application.yml"))
                .withPropertyValues("SMTP_PASSWORD=" + Fixtures.PASSWORD)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ActiveEmailConnector.class).activeId())
                            .hasValue("failover");
                });
    }

    @Test
    @DisplayName("IDE metadata describes every property of the starter")
    void metadata() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode property : metadata.path("properties")) {
            names.add(property.path("name").asText());
            assertThat(property.path("description").asText())
                    .as(property.path("name").asText())
                    .isNotBlank();
        }
        assertThat(names)
                .contains(
                        "email-connectors.connector",
                        "email-connectors.config",
                        "email-connectors.config-file",
                        "email-connectors.tenant-id",
                        "email-connectors.network-policy",
                        "email-connectors.builtin.delivery",
                        "email-connectors.builtin.delivery-file",
                        "email-connectors.metrics.enabled",
                        "email-connectors.metrics.tenant-tag",
                        "email-connectors.health.failure-threshold",
                        "management.health.email-connectors.enabled");
    }
}
