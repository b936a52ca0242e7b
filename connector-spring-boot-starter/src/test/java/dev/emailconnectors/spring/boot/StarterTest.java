package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The Spring Boot starter")
class StarterTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Payload CODE = Payload.builder().code("482913").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmailConnectorsAutoConfiguration.class));

    private static String[] smtp(int port, String... more) {
        List<String> lines = new java.util.ArrayList<>(Fixtures.smtpProperties(port));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }

    @Nested
    @DisplayName("without email-connectors.connector")
    class Unconfigured {

        @Test
        @DisplayName("provides the catalog of every connector on the class path and a context, but no active connector")
        void catalogOnly() {
            runner.run(context -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(ActiveEmailConnector.class);
                assertThat(context.getBean(ConnectorCatalog.class).providers())
                        .extracting(ConnectorDescriptor::id)
                        .contains("smtp", "failover", "resilient", "builtin");
                ConnectorContext connectorContext = context.getBean(ConnectorContext.class);
                assertThat(connectorContext.tenantId()).isEqualTo("default");
                assertThat(connectorContext.networkPolicy()).hasToString("allowAll");
            });
        }

        @Test
        @DisplayName("applies the tenant id, the network policy and the host's customizers to the context")
        void context() {
            runner.withPropertyValues(
                            "email-connectors.tenant-id=acme", "email-connectors.network-policy=public-addresses-only")
                    .withBean(
                            "marker",
                            ConnectorContextCustomizer.class,
                            () -> b -> b.extension(StringBuilder.class, new StringBuilder("host object")))
                    .run(context -> {
                        ConnectorContext connectorContext = context.getBean(ConnectorContext.class);
                        assertThat(connectorContext.tenantId()).isEqualTo("acme");
                        assertThat(connectorContext.networkPolicy()).hasToString("publicAddressesOnly");
                        assertThat(connectorContext.extension(StringBuilder.class))
                                .hasValueSatisfying(s -> assertThat(s).hasToString("host object"));
                    });
        }
    }

    @Nested
    @DisplayName("with a configured connector")
    class Sending {

        @Test
        @DisplayName("sends through SMTP configured in properties, strings converted to the schema's types")
        void smtpFromProperties() throws Exception {
            runner.withPropertyValues(smtp(GREENMAIL.getSmtp().getPort())).run(context -> {
                assertThat(context).hasNotFailed();
                ActiveEmailConnector email = context.getBean(ActiveEmailConnector.class);
                assertThat(email.activeId()).hasValue("smtp");

                SendResult result = email.send(TemplateType.SIGN_IN, "user@example.com", CODE);

                assertThat(result.connectorId()).isEqualTo("smtp");
                MimeMessage[] received = GREENMAIL.getReceivedMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getSubject()).isEqualTo("SignIn code 482913");
                assertThat(received[0].getAllRecipients()[0]).hasToString("user@example.com");
            });
        }

        @Test
        @DisplayName("fails over from a dead SMTP relay to a live one, configured in YAML with lists and anchors")
        void failoverFromYaml() {
            runner.withInitializer(Fixtures.yaml("failover.yml"))
                    .withPropertyValues(
                            "test.dead-port=" + Fixtures.deadPort(),
                            "test.greenmail-port=" + GREENMAIL.getSmtp().getPort())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        SendResult result = context.getBean(ActiveEmailConnector.class)
                                .send(TemplateType.REGISTER, "new@example.com", CODE);

                        assertThat(result.details()).containsEntry("member", "backup");
                        assertThat(GREENMAIL.getReceivedMessages())
                                .singleElement()
                                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Register 482913"));
                    });
        }

        @Test
        @DisplayName("reads the configuration from a JSON file")
        void configFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("smtp.json");
            Files.writeString(
                    file,
                    """
                    {"host": "127.0.0.1", "port": %d, "ignoreTLS": true, "fromEmail": "noreply@example.com",
                     "templates": [{"usageType": "Generic", "contentType": "text/plain", "subject": "Code {{code}}",
                                    "content": "{{code}}"},
                                   {"usageType": "Register", "subject": "R", "content": "{{code}}"},
                                   {"usageType": "SignIn", "subject": "S", "content": "{{code}}"},
                                   {"usageType": "ForgotPassword", "subject": "F", "content": "{{code}}"}]}
                    """
                            .formatted(GREENMAIL.getSmtp().getPort()));
            runner.withPropertyValues(
                            "email-connectors.connector=simple-mail-transfer-protocol",
                            "email-connectors.config-file=" + file.toUri())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(ActiveEmailConnector.class)
                                .send(TemplateType.BIND_MFA, "user@example.com", CODE);
                        assertThat(GREENMAIL.getReceivedMessages())
                                .singleElement()
                                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Code 482913"));
                    });
        }

        @Test
        @DisplayName("passes the built-in delivery setting to the built-in connector as operator settings")
        void builtinDelivery(@TempDir Path outbox) {
            runner.withPropertyValues(
                            "email-connectors.connector=builtin",
                            "email-connectors.config.senderName=Acme",
                            "email-connectors.builtin.delivery.outbox=" + outbox,
                            "email-connectors.builtin.delivery.fromEmail=no-reply@acme.example")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        SendResult result = context.getBean(ActiveEmailConnector.class)
                                .send(TemplateType.SIGN_IN, "user@example.com", CODE);
                        try (var files = Files.list(outbox)) {
                            Path eml = files.filter(p -> p.toString().endsWith(".eml"))
                                    .findFirst()
                                    .orElseThrow();
                            assertThat(Files.readString(eml)).contains("no-reply@acme.example");
                        }
                        assertThat(result.connectorId()).isEqualTo("builtin");
                    });
        }

        @Test
        @DisplayName("closes the active connector with the application context")
        void closes() {
            ActiveEmailConnector[] holder = new ActiveEmailConnector[1];
            runner.withPropertyValues(smtp(GREENMAIL.getSmtp().getPort()))
                    .run(context -> holder[0] = context.getBean(ActiveEmailConnector.class));
            assertThat(holder[0].activeId()).isEmpty();
            assertThatThrownBy(() -> holder[0].send(TemplateType.SIGN_IN, "user@example.com", CODE))
                    .isInstanceOfSatisfying(
                            EmailConnectorException.class,
                            e -> assertThat(e.code().wireCode()).isEqualTo("not_configured"));
        }
    }
}
