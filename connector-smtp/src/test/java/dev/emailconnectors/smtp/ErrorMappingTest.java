package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.Action;
import dev.emailconnectors.smtp.testserver.Responder;
import dev.emailconnectors.smtp.testserver.ScriptedSmtpServer;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SMTP replies and failures map to precise errors")
class ErrorMappingTest {
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private EmailConnectorException failure(ScriptedSmtpServer.Builder script) {
        return failure(script, c -> c);
    }

    private EmailConnectorException failure(
            ScriptedSmtpServer.Builder script, java.util.function.UnaryOperator<ObjectNode> tune) {
        server = script.start();
        try (EmailConnector c = TestConfigs.create(tune.apply(TestConfigs.plain(server.port())))) {
            return catchThrowableOfType(
                    EmailConnectorException.class,
                    () -> c.sendMessage(
                            TemplateType.SIGN_IN,
                            TestConfigs.TO,
                            Payload.builder().code("123456").build()));
        }
    }

    @Nested
    @DisplayName("Recipient refused")
    class Recipient {
        @ParameterizedTest(name = "{0} {1} on RCPT is INVALID_RECIPIENT, not retryable")
        @CsvSource({"550, 5.1.1", "551, 5.1.6", "553, 5.1.3"})
        void invalidRecipient(int code, String enhanced) {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on("RCPT", Responder.always(Action.reply(code, enhanced + " Recipient refused"))));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(code);
            assertThat(e.providerErrorCode()).hasValue(enhanced);
            assertThat(server.sessions().get(0).verbs())
                    .contains("RCPT", "RSET")
                    .doesNotContain("DATA");
            assertThat(server.messages()).isEmpty();
        }

        @Test
        @DisplayName("452 on RCPT (too many recipients, try later) is PROVIDER_UNAVAILABLE, retryable")
        void temporary() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on("RCPT", Responder.always(Action.reply(452, "4.5.3 Too many recipients"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.providerStatus()).hasValue(452);
            assertThat(e.providerErrorCode()).hasValue("4.5.3");
        }

        @Test
        @DisplayName("another 5xx on RCPT (policy) is PROVIDER_REJECTED, not retryable")
        void policy() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on("RCPT", Responder.always(Action.reply(554, "5.7.1 Relay access denied"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(554);
        }
    }

    @Nested
    @DisplayName("Sender and message refused")
    class Message {
        @Test
        @DisplayName("550 after the message data (content refused) is PROVIDER_REJECTED, not retryable")
        void rejected550() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(".", Responder.always(Action.reply(550, "5.7.1 Message rejected as spam"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(550);
            assertThat(e.providerErrorCode()).hasValue("5.7.1");
        }

        @Test
        @DisplayName("451 after the message data is PROVIDER_UNAVAILABLE, retryable")
        void deferred451() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(".", Responder.always(Action.reply(451, "4.3.0 Local error in processing"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.providerStatus()).hasValue(451);
        }

        @Test
        @DisplayName("552 (message too big) is PROVIDER_REJECTED")
        void tooBig() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(".", Responder.always(Action.reply(552, "5.3.4 Message size exceeds fixed limit"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.providerStatus()).hasValue(552);
        }

        @Test
        @DisplayName("553 on MAIL FROM (sender not allowed) is PROVIDER_REJECTED, not INVALID_RECIPIENT")
        void senderRefused() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(
                            "MAIL",
                            Responder.always(Action.reply(553, "5.7.1 Sender address rejected: not owned by user"))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.getMessage()).contains("rejected the sender");
            assertThat(e.providerStatus()).hasValue(553);
        }

        @Test
        @DisplayName("530 on MAIL FROM (authentication required) is AUTHENTICATION_FAILED")
        void authenticationRequired() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on("MAIL", Responder.always(Action.reply(530, "5.7.0 Authentication required"))));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.providerStatus()).hasValue(530);
        }
    }

    @Nested
    @DisplayName("Connection set-up")
    class SetUp {
        @Test
        @DisplayName("a 421 greeting is PROVIDER_UNAVAILABLE, retryable, with the reply code")
        void greeting421() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(
                            "GREETING",
                            Responder.always(Action.reply(421, "4.3.2 Service not available")
                                    .thenClose())));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.providerStatus()).hasValue(421);
        }

        @Test
        @DisplayName("a 554 greeting (blocked) is PROVIDER_REJECTED")
        void greeting554() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder()
                    .on(
                            "GREETING",
                            Responder.always(Action.reply(554, "5.7.1 Your IP is blocked")
                                    .thenClose())));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_REJECTED);
            assertThat(e.providerStatus()).hasValue(554);
        }

        @ParameterizedTest(name = "{0} {1} on AUTH is AUTHENTICATION_FAILED, not retryable")
        @CsvSource({"535, 5.7.8", "534, 5.7.9"})
        void authRefused(int code, String enhanced) {
            EmailConnectorException e = failure(
                    ScriptedSmtpServer.builder()
                            .credentials(TestConfigs.USER, TestConfigs.PASS)
                            .on("AUTH", Responder.always(Action.reply(code, enhanced + " Authentication refused"))),
                    c -> TestConfigs.login(c, TestConfigs.USER, TestConfigs.PASS));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(code);
            assertThat(e.providerErrorCode()).hasValue(enhanced);
            assertThat(server.sessions().get(0).verbs()).doesNotContain("MAIL");
        }

        @Test
        @DisplayName("454 on AUTH (temporary authentication failure) is PROVIDER_UNAVAILABLE, retryable")
        void authTemporary() {
            EmailConnectorException e = failure(
                    ScriptedSmtpServer.builder()
                            .credentials(TestConfigs.USER, TestConfigs.PASS)
                            .on("AUTH", Responder.always(Action.reply(454, "4.7.0 Temporary authentication failure"))),
                    c -> TestConfigs.login(c, TestConfigs.USER, TestConfigs.PASS));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        }

        @Test
        @DisplayName("credentials for a server that offers no AUTH fail clearly instead of sending unauthenticated")
        void noAuthOffered() {
            EmailConnectorException e = failure(
                    ScriptedSmtpServer.builder(), c -> TestConfigs.login(c, TestConfigs.USER, TestConfigs.PASS));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("does not offer AUTH");
            assertThat(server.sessions().get(0).verbs()).doesNotContain("MAIL");
        }

        @Test
        @DisplayName("an unknown host is PROVIDER_UNAVAILABLE, retryable")
        void unknownHost() {
            try (EmailConnector c = TestConfigs.create(
                    TestConfigs.base("no-such-host.invalid", 2525).put("ignoreTLS", true))) {
                EmailConnectorException e = catchThrowableOfType(
                        EmailConnectorException.class,
                        () -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()));
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("no-such-host.invalid");
            }
        }
    }

    @Nested
    @DisplayName("Timeouts and lost connections")
    class Lost {
        @Test
        @DisplayName("a server that never greets is TIMEOUT after greetingTimeout, retryable")
        void silentGreeting() {
            long start = System.nanoTime();
            EmailConnectorException e = failure(
                    ScriptedSmtpServer.builder().on("GREETING", Responder.always(Action.silence())),
                    c -> c.put("greetingTimeout", 300));
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("a server slower than socketTimeout after the data is TIMEOUT, saying acceptance is unknown")
        void slowAfterData() {
            long start = System.nanoTime();
            EmailConnectorException e = failure(
                    ScriptedSmtpServer.builder().on(".", Responder.always(Action.silence())),
                    c -> c.put("socketTimeout", 300));
            assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("may or may not have been accepted");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("a server that stops reading makes a large message's write time out after socketTimeout: TIMEOUT")
        void stalledWrite() {
            server = ScriptedSmtpServer.builder()
                    .on("DATA", Responder.always(Action.reply(354, "Go ahead").thenStall()))
                    .start();
            MapTemplateSource big = new MapTemplateSource()
                    .put("", EmailTemplate.text(TemplateType.SIGN_IN, "Big", "{{filler}}\n".repeat(80)));
            ObjectNode config = TestConfigs.plain(server.port()).put("socketTimeout", 300);
            long start = System.nanoTime();
            try (EmailConnector c = TestConfigs.create(
                    config, ConnectorContext.builder().templateResolver(big).build())) {
                EmailConnectorException e = catchThrowableOfType(
                        EmailConnectorException.class,
                        () -> c.sendMessage(
                                TemplateType.SIGN_IN,
                                TestConfigs.TO,
                                Payload.builder()
                                        .put("filler", "x".repeat(400_000))
                                        .build()));
                assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.TIMEOUT);
                assertThat(e.retryable()).isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }

        @Test
        @DisplayName("a connection dropped in the middle of DATA is PROVIDER_UNAVAILABLE, retryable, sent once")
        void droppedDuringData() {
            EmailConnectorException e =
                    failure(ScriptedSmtpServer.builder().on("DATA", Responder.always(Action.dropDuringData(10))));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("connection to the SMTP server");
            assertThat(server.sessions()).hasSize(1);
        }

        @Test
        @DisplayName("a connection dropped after the data, before the reply, is not resent: it may have been accepted")
        void droppedAfterData() {
            EmailConnectorException e = failure(ScriptedSmtpServer.builder().on(".", Responder.always(Action.close())));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("may have been accepted");
            assertThat(server.sessions()).hasSize(1);
        }
    }
}
