package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.ScriptedSmtpServer;
import dev.emailconnectors.smtp.testserver.TestTls;
import dev.emailconnectors.smtp.testserver.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("TLS")
class TlsTest {
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A configuration without any TLS setting: STARTTLS is required by default. */
    private ObjectNode config(String host) {
        return TestConfigs.base(host, server.port());
    }

    private static ObjectNode trusting(ObjectNode config) {
        config.withObject("tls").put("ca", TestTls.caPem());
        return config;
    }

    private void send(ObjectNode config) {
        try (EmailConnector c = TestConfigs.create(config)) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    TestConfigs.TO,
                    Payload.builder().code("1").build());
        }
    }

    private EmailConnectorException failure(ObjectNode config) {
        try (EmailConnector c = TestConfigs.create(config)) {
            return catchThrowableOfType(
                    EmailConnectorException.class,
                    () -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()));
        }
    }

    private Transcript first() {
        return server.sessions().get(0);
    }

    @Nested
    @DisplayName("STARTTLS")
    class StartTls {
        @Test
        @DisplayName("is used by default and before AUTH; the certificate is checked against tls.ca and the host")
        void upgradesBeforeAuth() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .credentials(TestConfigs.USER, TestConfigs.PASS)
                    .start();
            send(TestConfigs.login(trusting(config("localhost")), TestConfigs.USER, TestConfigs.PASS));
            assertThat(first().usedTls()).isTrue();
            assertThat(first().verbs()).startsWith("EHLO", "STARTTLS", "EHLO", "AUTH");
            assertThat(server.messages()).hasSize(1);
        }

        @Test
        @DisplayName(
                "a certificate from an authority the JDK does not trust fails, not retryable, before AUTH and MAIL")
        void untrusted() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .credentials(TestConfigs.USER, TestConfigs.PASS)
                    .start();
            EmailConnectorException e =
                    failure(TestConfigs.login(config("localhost"), TestConfigs.USER, TestConfigs.PASS));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("not trusted");
            assertThat(first().verbs()).doesNotContain("AUTH", "MAIL");
        }

        @Test
        @DisplayName("a certificate for another name fails the identity check")
        void wrongName() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .start();
            EmailConnectorException e = failure(trusting(config("127.0.0.1")));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("127.0.0.1").contains("another name");
            assertThat(first().verbs()).doesNotContain("MAIL");
        }

        @Test
        @DisplayName("tls.servername names the expected certificate when connecting by address")
        void servername() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .start();
            ObjectNode config = trusting(config("127.0.0.1"));
            config.withObject("tls").put("servername", "localhost");
            send(config);
            assertThat(server.messages()).hasSize(1);
        }

        @Test
        @DisplayName("tls.rejectUnauthorized: false accepts any certificate (encrypted, not authenticated)")
        void unverified() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .start();
            ObjectNode config = config("127.0.0.1");
            config.withObject("tls").put("rejectUnauthorized", false);
            send(config);
            assertThat(first().usedTls()).isTrue();
            assertThat(server.messages()).hasSize(1);
        }

        @Test
        @DisplayName("tls.minVersion above what the server speaks fails the handshake")
        void minVersion() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .tlsProtocols("TLSv1.2")
                    .start();
            ObjectNode config = trusting(config("localhost"));
            config.withObject("tls").put("minVersion", "TLSv1.3");
            EmailConnectorException e = failure(config);
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.getMessage()).contains("TLS with the SMTP server");
            assertThat(server.messages()).isEmpty();
        }

        @Test
        @DisplayName("TLS required and STARTTLS not offered: no credentials are sent and the error says so")
        void requiredButNotOffered() {
            server = ScriptedSmtpServer.builder()
                    .credentials(TestConfigs.USER, TestConfigs.PASS)
                    .start();
            EmailConnectorException e =
                    failure(TestConfigs.login(config("127.0.0.1"), TestConfigs.USER, TestConfigs.PASS));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(e.getMessage()).contains("TLS is required but", "does not offer STARTTLS");
            assertThat(first().verbs()).containsExactly("EHLO");
        }
    }

    @Nested
    @DisplayName("Turning TLS down")
    class Optional {
        @Test
        @DisplayName("requireTLS: false uses STARTTLS when offered")
        void opportunisticWhenOffered() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .start();
            send(trusting(config("localhost")).put("requireTLS", false));
            assertThat(first().usedTls()).isTrue();
        }

        @Test
        @DisplayName("requireTLS: false sends in clear text when STARTTLS is not offered")
        void clearWhenNotOffered() {
            server = ScriptedSmtpServer.builder().start();
            send(config("127.0.0.1").put("requireTLS", false));
            assertThat(first().usedTls()).isFalse();
            assertThat(server.messages()).hasSize(1);
        }

        @Test
        @DisplayName("ignoreTLS: true never says STARTTLS, even when offered")
        void ignored() {
            server = ScriptedSmtpServer.builder()
                    .startTls(TestTls.serverContext())
                    .start();
            send(config("127.0.0.1").put("ignoreTLS", true));
            assertThat(first().verbs()).doesNotContain("STARTTLS");
            assertThat(server.messages()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Implicit TLS (secure)")
    class Implicit {
        @Test
        @DisplayName("secure: true speaks TLS from the first byte")
        void secure() {
            server = ScriptedSmtpServer.builder()
                    .implicitTls(TestTls.serverContext())
                    .credentials(TestConfigs.USER, TestConfigs.PASS)
                    .start();
            send(TestConfigs.login(
                    trusting(config("localhost")).put("secure", true), TestConfigs.USER, TestConfigs.PASS));
            assertThat(first().usedTls()).isTrue();
            assertThat(first().verbs()).startsWith("EHLO", "AUTH").doesNotContain("STARTTLS");
        }

        @Test
        @DisplayName("secure: true against a port without TLS says so")
        void secureAgainstPlain() {
            server = ScriptedSmtpServer.builder().start();
            EmailConnectorException e = failure(trusting(config("localhost")).put("secure", true));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("does not speak TLS on this port");
        }
    }
}
