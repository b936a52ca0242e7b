package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.Action;
import dev.emailconnectors.smtp.testserver.Responder;
import dev.emailconnectors.smtp.testserver.ScriptedSmtpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Protocol logging (debug) shows the conversation, never credentials, codes, content or local parts")
class ProtocolLoggingTest {
    private static final String CODE = "424242";
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.emailconnectors.smtp");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previous;
    private ScriptedSmtpServer server;

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        if (server != null) {
            server.close();
        }
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    @Test
    @DisplayName("with debug: true every command and reply is logged at INFO, redacted")
    void debugLogsRedactedConversation() {
        server = ScriptedSmtpServer.builder()
                .credentials(TestConfigs.USER, TestConfigs.PASS)
                .start();
        ObjectNode config = TestConfigs.login(TestConfigs.plain(server.port()), TestConfigs.USER, TestConfigs.PASS)
                .put("debug", true);
        try (EmailConnector c = TestConfigs.create(config)) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    TestConfigs.TO,
                    Payload.builder().code(CODE).build());
        }
        String plain = Base64.getEncoder()
                .encodeToString(("\0" + TestConfigs.USER + "\0" + TestConfigs.PASS).getBytes(StandardCharsets.UTF_8));
        assertThat(server.lines()).anyMatch(l -> l.contains(plain)); // the secret did go over the wire
        assertThat(lines())
                .anyMatch(l -> l.contains("C: EHLO"))
                .anyMatch(l -> l.contains("C: AUTH PLAIN (credentials hidden)"))
                .anyMatch(l -> l.contains("C: MAIL FROM:<…@example.com>"))
                .anyMatch(l -> l.contains("C: RCPT TO:<…@example.com>"))
                .anyMatch(l -> l.contains("S: 235"))
                .anyMatch(l -> l.contains("S: 250 2.0.0 Ok: queued"))
                .anyMatch(l -> l.contains("connection #1 ready"))
                .allSatisfy(l -> assertThat(l)
                        .doesNotContain(TestConfigs.PASS, plain, CODE, "someone@", "noreply@", "SignIn code"));
        assertThat(events())
                .filteredOn(e -> e.getLoggerName().endsWith(".protocol"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO));
    }

    @Test
    @DisplayName("an address the server echoes in a reply is logged without its local part")
    void echoedAddressRedacted() {
        server = ScriptedSmtpServer.builder()
                .on(
                        "RCPT",
                        Responder.always(Action.reply(550, "5.1.1 <someone@example.com>: Recipient address rejected")))
                .start();
        try (EmailConnector c =
                TestConfigs.create(TestConfigs.plain(server.port()).put("debug", true))) {
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()))
                    .isInstanceOf(EmailConnectorException.class);
        }
        assertThat(lines())
                .anyMatch(l -> l.contains("S: 550 5.1.1 <…@example.com>: Recipient address rejected"))
                .allSatisfy(l -> assertThat(l).doesNotContain("someone@"));
    }

    @Test
    @DisplayName("without logger or debug, connection events are DEBUG and commands TRACE")
    void quietByDefault() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    TestConfigs.TO,
                    Payload.builder().code(CODE).build());
        }
        assertThat(events()).isNotEmpty().allSatisfy(e -> assertThat(e.getLevel())
                .isIn(Level.DEBUG, Level.TRACE));
        assertThat(lines()).allSatisfy(l -> assertThat(l).doesNotContain(CODE, "someone@"));
    }
}
