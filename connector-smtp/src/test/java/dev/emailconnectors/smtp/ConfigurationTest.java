package dev.emailconnectors.smtp;

import static dev.emailconnectors.smtp.TestConfigs.CATALOG;
import static dev.emailconnectors.smtp.TestConfigs.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.smtp.SmtpSettings.TlsMode;
import dev.emailconnectors.smtp.testserver.TestTls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration")
class ConfigurationTest {
    /** Logto's own test fixture for its SMTP connector ({@code mockedConfig}). */
    private static final String LOGTO_CONFIG = "{\"host\":\"<test.smtp.host>\",\"port\":80,"
            + "\"auth\":{\"pass\":\"<password>\",\"user\":\"<username>\"},\"fromEmail\":\"<notice@test.smtp>\","
            + "\"templates\":["
            + "{\"contentType\":\"text/plain\",\"content\":\"Your verification code is {{    code }}.\","
            + "\"subject\":\"Logto Test with SMTP\",\"usageType\":\"Generic\"},"
            + "{\"contentType\":\"text/plain\",\"content\":\"Your verification code is {{ code  }}.\","
            + "\"subject\":\"Logto sign-in with SMTP {{   code   }}\",\"usageType\":\"SignIn\"},"
            + "{\"contentType\":\"text/plain\",\"content\":\"Your verification code is {{code}}.\","
            + "\"subject\":\"Logto register with SMTP\",\"usageType\":\"Register\"},"
            + "{\"contentType\":\"text/plain\",\"content\":\"Your verification code is {{code}}.\","
            + "\"subject\":\"Logto Forgot Password with SMTP\",\"usageType\":\"ForgotPassword\"}]}";

    private static ObjectNode logto() {
        try {
            return (ObjectNode) JSON.readTree(LOGTO_CONFIG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConfigViolation> violations(JsonNode config) {
        return CATALOG.validate("simple-mail-transfer-protocol", config).violations();
    }

    private static List<String> paths(JsonNode config) {
        return violations(config).stream().map(ConfigViolation::path).toList();
    }

    @Nested
    @DisplayName("Logto configurations validate unchanged")
    class Logto {
        @Test
        @DisplayName("the basic fixture, with login auth")
        void basic() {
            assertThat(violations(logto())).isEmpty();
        }

        @Test
        @DisplayName("OAuth2 with a token, and with a service-account key (string or key and passphrase)")
        void oauth2() {
            ObjectNode token = logto();
            token.putObject("auth")
                    .put("user", "<user@logto.io>")
                    .put("type", "oauth2")
                    .put("clientId", "<client-id>")
                    .put("clientSecret", "<client-secret>")
                    .put("accessToken", "<access-token>");
            ObjectNode key = logto();
            key.putObject("auth")
                    .put("user", "<user@logto.io>")
                    .put("serviceClient", "<service-client>")
                    .put("privateKey", "<private-key>");
            ObjectNode keyObject = logto();
            keyObject
                    .putObject("auth")
                    .put("type", "OAUTH2")
                    .put("user", "u")
                    .put("serviceClient", "c")
                    .putObject("privateKey")
                    .put("key", "k")
                    .put("passphrase", "p");
            assertThat(violations(token)).isEmpty();
            assertThat(violations(key)).isEmpty();
            assertThat(violations(keyObject)).isEmpty();
        }

        @Test
        @DisplayName("TLS, connection, debugging and security options, and login auth without credentials")
        void options() {
            ObjectNode config = logto().put("servername", "<servername>")
                    .put("ignoreTLS", false)
                    .put("requireTLS", true)
                    .put("localAddress", "<local-address>")
                    .put("name", "<name>")
                    .put("logger", true)
                    .put("debug", false)
                    .put("disableFileAccess", true)
                    .put("disableUrlAccess", false)
                    .put("secure", false)
                    .put("connectionTimeout", 120000)
                    .put("greetingTimeout", 30000)
                    .put("socketTimeout", 600000)
                    .put("dnsTimeout", 30000)
                    .put("replyTo", "support@example.com");
            config.putObject("tls").put("rejectUnauthorized", true).put("ciphers", "SSLv3");
            config.putObject("customHeaders")
                    .put("X-Test", "test")
                    .putArray("X-Test-Another")
                    .add("t1")
                    .add("t2");
            config.putObject("auth").put("type", "login");
            assertThat(violations(config)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Problems are reported, all at once, each with its JSON Pointer")
    class Problems {
        @Test
        @DisplayName("unknown fields at any level")
        void unknownFields() {
            ObjectNode config = logto().put("pool2", 1);
            config.putObject("tls").put("cert", "x");
            config.putObject("pool").put("size", 3);
            assertThat(paths(config)).contains("/pool2", "/tls/cert", "/pool/size");
        }

        @Test
        @DisplayName("custom headers with CR/LF, invalid names, or names the connector sets")
        void customHeaders() {
            ObjectNode config = logto();
            ObjectNode headers = config.putObject("customHeaders");
            headers.put("X-Evil", "a\r\nBcc: victim@example.com");
            headers.putArray("X-List").add("fine").add("bad\nvalue");
            headers.put("Bad Name", "v");
            headers.put("X/Slash:", "v");
            headers.put("Bcc", "someone@example.com");
            assertThat(paths(config))
                    .contains(
                            "/customHeaders/X-Evil",
                            "/customHeaders/X-List/1",
                            "/customHeaders/Bad Name",
                            "/customHeaders/X~1Slash:",
                            "/customHeaders/Bcc");
        }

        @Test
        @DisplayName("a bad sender, reply-to, token endpoint, CA certificate and TLS version range")
        void values() {
            ObjectNode config = logto().put("fromEmail", "not an address").put("replyTo", "ok@example.com, nope");
            config.putObject("auth")
                    .put("type", "oauth2")
                    .put("user", "u")
                    .put("accessUrl", "http://example.com/token");
            config.putObject("tls")
                    .put("minVersion", "TLSv1.3")
                    .put("maxVersion", "TLSv1.2")
                    .putArray("ca")
                    .add(TestTls.caPem())
                    .add("not a certificate");
            assertThat(paths(config))
                    .contains("/fromEmail", "/replyTo", "/auth/accessUrl", "/tls/ca/1", "/tls/maxVersion")
                    .doesNotContain("/tls/ca/0");
        }

        @Test
        @DisplayName("missing required templates, with Logto's message")
        void templates() {
            ObjectNode config = logto();
            config.withArray("templates").remove(0);
            assertThat(violations(config))
                    .extracting(ConfigViolation::message)
                    .contains("Template with UsageType (Generic) should be provided!");
        }

        @Test
        @DisplayName("loopback http token endpoints are allowed (tests, local proxies)")
        void loopbackAccessUrl() {
            ObjectNode config = logto();
            config.putObject("auth").put("type", "oauth2").put("user", "u").put("accessUrl", "http://127.0.0.1:8080/t");
            assertThat(violations(config)).isEmpty();
        }
    }

    @Test
    @DisplayName("every secret is redacted: pass, tokens, client secret, private key")
    void redaction() {
        ObjectNode login = logto();
        ObjectNode oauth = logto();
        oauth.putObject("auth")
                .put("type", "oauth2")
                .put("user", "u")
                .put("accessToken", "AT-123456")
                .put("clientSecret", "CS-123456")
                .put("refreshToken", "RT-123456");
        ObjectNode key = logto();
        key.putObject("auth")
                .put("user", "u")
                .put("serviceClient", "c")
                .putObject("privateKey")
                .put("key", "PK-123456")
                .put("passphrase", "PP-123456");
        assertThat(CATALOG.redact("smtp", login).toString()).doesNotContain("<password>");
        assertThat(CATALOG.redact("smtp", oauth).toString()).doesNotContain("AT-123456", "CS-123456", "RT-123456");
        assertThat(CATALOG.redact("smtp", key).toString()).doesNotContain("PK-123456", "PP-123456");
    }

    @Nested
    @DisplayName("Settings")
    class Settings {
        @Test
        @DisplayName("defaults: STARTTLS required, timeouts of 5/10/20 seconds, a pool of 4 × 100 messages, 30 s idle")
        void defaults() {
            SmtpSettings s = SmtpSettings.from(logto());
            assertThat(s.tlsMode()).isEqualTo(TlsMode.STARTTLS_REQUIRED);
            assertThat(s.timeouts().connect()).isEqualTo(Duration.ofSeconds(5));
            assertThat(s.timeouts().greeting()).isEqualTo(Duration.ofSeconds(10));
            assertThat(s.timeouts().socket()).isEqualTo(Duration.ofSeconds(20));
            assertThat(s.pool().maxConnections()).isEqualTo(4);
            assertThat(s.pool().maxMessagesPerConnection()).isEqualTo(100);
            assertThat(s.pool().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(s.tls().rejectUnauthorized()).isTrue();
            assertThat(s.tls().protocols()).containsExactly("TLSv1.2", "TLSv1.3");
            assertThat(s.from().address()).isEqualTo("notice@test.smtp");
        }

        @Test
        @DisplayName(
                "TLS modes: port 465 means implicit TLS; requireTLS: true wins over ignoreTLS; requireTLS: false is opportunistic")
        void tlsModes() {
            assertThat(SmtpSettings.from(logto().put("port", 465)).tlsMode()).isEqualTo(TlsMode.IMPLICIT);
            assertThat(SmtpSettings.from(logto().put("port", 465).put("secure", false))
                            .tlsMode())
                    .isEqualTo(TlsMode.STARTTLS_REQUIRED);
            assertThat(SmtpSettings.from(logto().put("ignoreTLS", true).put("requireTLS", true))
                            .tlsMode())
                    .isEqualTo(TlsMode.STARTTLS_REQUIRED);
            assertThat(SmtpSettings.from(logto().put("ignoreTLS", true)).tlsMode())
                    .isEqualTo(TlsMode.NONE);
            assertThat(SmtpSettings.from(logto().put("requireTLS", false)).tlsMode())
                    .isEqualTo(TlsMode.STARTTLS_WHEN_OFFERED);
        }

        @Test
        @DisplayName("a timeout of 0 means the default, as Logto never applied its own")
        void zeroTimeout() {
            assertThat(SmtpSettings.from(logto().put("socketTimeout", 0))
                            .timeouts()
                            .socket())
                    .isEqualTo(Duration.ofSeconds(20));
            assertThat(SmtpSettings.from(logto().put("socketTimeout", 1500))
                            .timeouts()
                            .socket())
                    .isEqualTo(Duration.ofMillis(1500));
        }

        @Test
        @DisplayName("toString never shows the password")
        void noSecretInToString() {
            assertThat(SmtpSettings.from(logto()).toString()).doesNotContain("<password>");
        }
    }
}
