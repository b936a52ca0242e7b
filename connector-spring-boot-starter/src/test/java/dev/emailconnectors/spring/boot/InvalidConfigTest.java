package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("An invalid configuration")
class InvalidConfigTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmailConnectorsAutoConfiguration.class));

    private static InvalidEmailConnectorConfigException cause(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof InvalidEmailConnectorConfigException)) {
            t = t.getCause();
        }
        assertThat(t).as("startup failure caused by the configuration").isNotNull();
        return (InvalidEmailConnectorConfigException) t;
    }

    @Test
    @DisplayName("stops startup listing every violation by its property, without secrets")
    void everyViolation() {
        List<String> lines = new ArrayList<>(Fixtures.smtpProperties(70000));
        lines.removeIf(l -> l.startsWith("email-connectors.config.fromEmail="));
        lines.add("email-connectors.config.auth.user=mailer");
        lines.add("email-connectors.config.auth.pass=" + Fixtures.PASSWORD);
        lines.add("email-connectors.config.auth.colour=blue");
        lines.add("email-connectors.config.templates[1].usageType=BindMfa");
        runner.withPropertyValues(lines.toArray(String[]::new)).run(context -> {
            assertThat(context).hasFailed();
            InvalidEmailConnectorConfigException e = cause(context.getStartupFailure());

            assertThat(e.getMessage())
                    .startsWith("Invalid configuration for email connector 'smtp' in email-connectors.config")
                    .doesNotContain(Fixtures.PASSWORD);
            assertThat(e.problems())
                    .hasSizeGreaterThanOrEqualTo(4)
                    .anySatisfy(p -> assertThat(p).startsWith("email-connectors.config.port:"))
                    .anySatisfy(p -> assertThat(p).startsWith("email-connectors.config.fromEmail:"))
                    .anySatisfy(p -> assertThat(p).startsWith("email-connectors.config.auth.colour:"))
                    .anySatisfy(p -> assertThat(p)
                            .startsWith("email-connectors.config.templates:")
                            .contains("SignIn"));
            assertThat(e.getMessage()).contains(e.problems());

            FailureAnalysis analysis = new InvalidConfigFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
            assertThat(analysis.getAction()).contains("email-connectors.connector");
        });
    }

    @Test
    @DisplayName("names problems in a JSON file by file and JSON Pointer")
    void inFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("smtp.json");
        Files.writeString(file, "{\"host\": \"127.0.0.1\", \"port\": \"x\"}");
        runner.withPropertyValues("email-connectors.connector=smtp", "email-connectors.config-file=" + file.toUri())
                .run(context -> {
                    InvalidEmailConnectorConfigException e = cause(context.getStartupFailure());
                    assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p).contains("smtp.json").contains("at /port:"))
                            .anySatisfy(p -> assertThat(p).contains("at /fromEmail:"));
                });
    }

    @Test
    @DisplayName("names an unknown connector id and lists the available ones")
    void unknownConnector() {
        runner.withPropertyValues("email-connectors.connector=carrier-pigeon").run(context -> {
            InvalidEmailConnectorConfigException e = cause(context.getStartupFailure());
            assertThat(e.getMessage())
                    .contains("Unknown email connector 'carrier-pigeon'")
                    .contains("smtp (simple-mail-transfer-protocol)")
                    .contains("failover");
        });
    }

    @Test
    @DisplayName("refuses a configuration given both as properties and as a file")
    void both(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("smtp.json");
        Files.writeString(file, "{}");
        runner.withPropertyValues(
                        "email-connectors.connector=smtp",
                        "email-connectors.config.host=localhost",
                        "email-connectors.config-file=" + file.toUri())
                .run(context -> assertThat(cause(context.getStartupFailure()).problems())
                        .containsExactly(
                                "set either email-connectors.config.* or email-connectors.config-file, not both"));
    }

    @Test
    @DisplayName("reports violations nested in a failover member at the member's property")
    void nested() {
        runner.withPropertyValues(
                        "email-connectors.connector=failover",
                        "email-connectors.config.connectors[0].id=smtp",
                        "email-connectors.config.connectors[0].config.host=127.0.0.1",
                        "email-connectors.config.connectors[0].config.port=0")
                .run(context -> assertThat(cause(context.getStartupFailure()).problems())
                        .anySatisfy(
                                p -> assertThat(p).startsWith("email-connectors.config.connectors[0].config.port:")));
    }
}
