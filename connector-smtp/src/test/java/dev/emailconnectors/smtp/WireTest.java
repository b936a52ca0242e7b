package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.ReceivedMessage;
import dev.emailconnectors.smtp.testserver.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What goes on the wire")
class WireTest {
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("an ASCII message is sent without SMTPUTF8, the domain of an internationalized address in punycode")
    void asciiAndPunycode() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    "user@bücher.example",
                    Payload.builder().code("5").build());
        }
        ReceivedMessage m = server.messages().get(0);
        assertThat(m.mailFrom()).isEqualTo("<noreply@example.com>");
        assertThat(m.recipients()).containsExactly("<user@xn--bcher-kva.example>");
        assertThat(m.data()).contains("To: user@xn--bcher-kva.example");
    }

    @Test
    @DisplayName("a UTF-8 local part is sent with SMTPUTF8 when the server offers it")
    void smtpUtf8Offered() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    "josé@example.com",
                    Payload.builder().code("5").build());
        }
        ReceivedMessage m = server.messages().get(0);
        assertThat(m.mailFrom()).isEqualTo("<noreply@example.com> SMTPUTF8");
        assertThat(m.recipients()).containsExactly("<josé@example.com>");
        assertThat(m.data()).contains("To: josé@example.com");
    }

    @Test
    @DisplayName("a UTF-8 local part is INVALID_RECIPIENT when the server does not offer SMTPUTF8, and nothing is sent")
    void smtpUtf8NotOffered() {
        server = ScriptedSmtpServer.builder().extensions("8BITMIME").start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            EmailConnectorException e = catchThrowableOfType(
                    EmailConnectorException.class,
                    () -> c.sendMessage(TemplateType.SIGN_IN, "josé@example.com", Payload.empty()));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.getMessage()).contains("SMTPUTF8");
            c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty());
        }
        assertThat(server.lines()).noneMatch(l -> l.startsWith("RCPT TO:<jos"));
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    @DisplayName("the EHLO name is the configured name")
    void ehloName() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c =
                TestConfigs.create(TestConfigs.plain(server.port()).put("name", "mail.example.com"))) {
            c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty());
        }
        assertThat(server.sessions().get(0).lines().get(0)).isEqualTo("EHLO mail.example.com");
    }

    @Test
    @DisplayName("ActiveEmailConnector.testSend runs the connection check first, then sends the Generic test message")
    void testSend() {
        server = ScriptedSmtpServer.builder().start();
        try (ActiveEmailConnector active = new ActiveEmailConnector(TestConfigs.CATALOG)) {
            SendResult r = active.testSend("smtp", TestConfigs.plain(server.port()), TestConfigs.TO);
            assertThat(r.connectorId()).isEqualTo("smtp");
        }
        assertThat(server.sessions()).hasSize(2);
        assertThat(server.sessions().get(0).verbs()).doesNotContain("MAIL");
        assertThat(server.messages()).singleElement().satisfies(m -> assertThat(m.data())
                .contains("Subject: Generic code 000000"));
    }
}
