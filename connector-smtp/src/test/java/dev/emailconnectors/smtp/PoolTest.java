package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.Action;
import dev.emailconnectors.smtp.testserver.Responder;
import dev.emailconnectors.smtp.testserver.ScriptedSmtpServer;
import dev.emailconnectors.smtp.testserver.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Connection pool")
class PoolTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void send(EmailConnector c, String code) {
        c.sendMessage(
                TemplateType.SIGN_IN,
                TestConfigs.TO,
                Payload.builder().code(code).build());
    }

    @Test
    @DisplayName("16 threads share at most maxConnections connections, reused across messages")
    void boundedAndReused() throws Exception {
        server = ScriptedSmtpServer.builder().start();
        ObjectNode config = TestConfigs.pool(TestConfigs.plain(server.port()), 4, 1000, 30_000);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try (EmailConnector c = TestConfigs.create(config)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        send(c, thread + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.messages()).hasSize(320);
        assertThat(server.sessions()).hasSizeLessThanOrEqualTo(4);
        assertThat(server.maxConcurrentSessions()).isLessThanOrEqualTo(4);
    }

    @Test
    @DisplayName("a connection is replaced after maxMessagesPerConnection messages")
    void retiredAfterMaxMessages() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.pool(TestConfigs.plain(server.port()), 4, 3, 30_000))) {
            for (int i = 0; i < 7; i++) {
                send(c, "m" + i);
            }
        }
        assertThat(server.sessions()).hasSize(3);
        assertThat(server.messages()).extracting(m -> m.session()).containsExactly(0, 0, 0, 1, 1, 1, 2);
        assertThat(server.await(() -> server.sessions().get(0).verbs().contains("QUIT"), WAIT))
                .isTrue();
    }

    @Test
    @DisplayName("an idle connection is closed (QUIT) once idleTimeout passes, without waiting for the next send")
    void closedWhenIdle() {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.pool(TestConfigs.plain(server.port()), 4, 100, 100))) {
            send(c, "first");
            assertThat(server.await(() -> server.sessions().get(0).verbs().contains("QUIT"), WAIT))
                    .isTrue();
            send(c, "second");
        }
        assertThat(server.sessions()).hasSize(2);
    }

    @Test
    @DisplayName("a connection idle for a while is checked with NOOP before it is used again")
    void checkedAfterIdle() throws InterruptedException {
        server = ScriptedSmtpServer.builder().start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            send(c, "first");
            Thread.sleep(1200);
            send(c, "second");
        }
        List<String> verbs = server.sessions().get(0).verbs();
        assertThat(verbs.subList(verbs.lastIndexOf("NOOP"), verbs.size())).startsWith("NOOP", "MAIL");
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    @DisplayName("a connection answering 421 to the idle check is replaced transparently")
    void noop421Replaced() throws InterruptedException {
        server = ScriptedSmtpServer.builder()
                .on(
                        "NOOP",
                        Responder.sequence(
                                Action.reply(421, "4.4.2 Idle timeout").thenClose()))
                .start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            send(c, "first");
            Thread.sleep(1200);
            send(c, "second");
        }
        assertThat(server.messages()).hasSize(2);
        assertThat(server.sessions()).hasSize(2);
    }

    @Test
    @DisplayName("a connection the server closed after a message is replaced once and the next message still goes out")
    void closedByServerReplacedOnce() {
        server = ScriptedSmtpServer.builder()
                .on(
                        ".",
                        Responder.sequence(
                                Action.reply(250, "2.0.0 Ok, and goodbye").thenClose()))
                .start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            send(c, "first");
            assertThat(server.await(() -> server.sessions().get(0).ended(), WAIT))
                    .isTrue();
            send(c, "second");
        }
        assertThat(server.sessions()).hasSize(2);
        assertThat(server.messages()).extracting(m -> m.session()).containsExactly(0, 1);
    }

    @Test
    @DisplayName("421 on MAIL FROM over a reused connection is replaced once; a second 421 is reported, retryable")
    void mail421ReplacedOnlyOnce() {
        server = ScriptedSmtpServer.builder()
                .on(
                        "MAIL",
                        Responder.sequence(
                                Action.normal(),
                                Action.reply(421, "4.3.2 Shutting down").thenClose(),
                                Action.reply(421, "4.3.2 Shutting down").thenClose()))
                .start();
        try (EmailConnector c = TestConfigs.create(TestConfigs.plain(server.port()))) {
            send(c, "first");
            assertThatThrownBy(() -> send(c, "second")).isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e.providerStatus()).hasValue(421);
            });
            send(c, "third");
        }
        assertThat(server.sessions()).hasSize(3);
        assertThat(server.messages()).hasSize(2);
    }

    @Test
    @DisplayName("close() says QUIT on every idle connection, and later sends fail clearly")
    void closeQuitsEverything() throws Exception {
        server = ScriptedSmtpServer.builder().start();
        EmailConnector c = TestConfigs.create(TestConfigs.pool(TestConfigs.plain(server.port()), 4, 100, 30_000));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        send(c, thread + "/" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        c.close();
        assertThat(server.await(() -> server.sessions().stream().allMatch(Transcript::ended), WAIT))
                .isTrue();
        assertThat(server.sessions()).allSatisfy(s -> assertThat(s.verbs()).endsWith("QUIT"));
        assertThatThrownBy(() -> send(c, "late"))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("closed"));
    }
}
