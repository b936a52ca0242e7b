package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.smtp.testserver.TestTls;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.testkit.MapTemplateSource;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SMTP connector against GreenMail")
class GreenMailSendingTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()
            })
            .withConfiguration(
                    GreenMailConfiguration.aConfig().withUser(TestConfigs.USER, TestConfigs.USER, TestConfigs.PASS));

    private static ObjectNode plain() {
        return TestConfigs.plain(GREENMAIL.getSmtp().getPort());
    }

    private static ObjectNode smtps() {
        ObjectNode config =
                TestConfigs.base("localhost", GREENMAIL.getSmtps().getPort()).put("secure", true);
        config.putObject("tls").put("ca", TestTls.caPem());
        return config;
    }

    private static MimeMessage only() {
        assertThat(GREENMAIL.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] got = GREENMAIL.getReceivedMessages();
        assertThat(got).hasSize(1);
        return got[0];
    }

    @Nested
    @DisplayName("Transports")
    class Transports {
        @Test
        @DisplayName("sends over plain SMTP without authentication when TLS is explicitly ignored")
        void plainWithoutAuth() throws Exception {
            try (EmailConnector c = TestConfigs.create(plain())) {
                SendResult r = c.sendMessage(
                        TemplateType.SIGN_IN,
                        TestConfigs.TO,
                        Payload.builder().code("314159").build());
                assertThat(r.providerMessageId())
                        .hasValueSatisfying(id -> assertThat(id).endsWith("@example.com>"));
                assertThat(r.details()).containsKey("smtpResponse");
            }
            assertThat(only().getSubject()).isEqualTo("SignIn code 314159");
        }

        @Test
        @DisplayName("sends over plain SMTP with login authentication")
        void plainWithAuth() throws Exception {
            try (EmailConnector c =
                    TestConfigs.create(TestConfigs.login(plain(), TestConfigs.USER, TestConfigs.PASS))) {
                c.sendMessage(
                        TemplateType.REGISTER,
                        TestConfigs.TO,
                        Payload.builder().code("1").build());
            }
            assertThat(only().getSubject()).isEqualTo("Register code 1");
        }

        @Test
        @DisplayName("sends over implicit TLS (SMTPS), trusting the server through tls.ca, with and without auth")
        void smtps() throws Exception {
            try (EmailConnector anonymous = TestConfigs.create(GreenMailSendingTest.smtps());
                    EmailConnector authenticated = TestConfigs.create(
                            TestConfigs.login(GreenMailSendingTest.smtps(), TestConfigs.USER, TestConfigs.PASS))) {
                anonymous.sendMessage(
                        TemplateType.GENERIC,
                        TestConfigs.TO,
                        Payload.builder().code("A").build());
                authenticated.sendMessage(
                        TemplateType.GENERIC,
                        TestConfigs.TO,
                        Payload.builder().code("B").build());
            }
            assertThat(GREENMAIL.waitForIncomingEmail(5000, 2)).isTrue();
            assertThat(GREENMAIL.getReceivedMessages())
                    .extracting(MimeMessage::getSubject)
                    .containsExactlyInAnyOrder("Generic code A", "Generic code B");
        }

        @Test
        @DisplayName("16 threads sending at once over one connector all arrive, each exactly once")
        void sixteenThreads() throws Exception {
            ObjectNode config = TestConfigs.login(plain(), TestConfigs.USER, TestConfigs.PASS);
            ExecutorService threads = Executors.newFixedThreadPool(16);
            try (EmailConnector c = TestConfigs.create(config)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    futures.add(threads.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            c.sendMessage(
                                    TemplateType.SIGN_IN,
                                    TestConfigs.TO,
                                    Payload.builder()
                                            .code("T" + thread + "M" + i + "X")
                                            .build());
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
            assertThat(GREENMAIL.waitForIncomingEmail(10_000, 160)).isTrue();
            List<String> subjects = new ArrayList<>();
            for (MimeMessage m : GREENMAIL.getReceivedMessages()) {
                subjects.add(m.getSubject());
            }
            assertThat(subjects).hasSize(160).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("The message")
    class TheMessage {
        @Test
        @DisplayName(
                "has From, To, Reply-To, an RFC 2047 subject, Date, a Message-ID on the sender's domain and UTF-8 text")
        void headers() throws Exception {
            ObjectNode config = plain().put("replyTo", "Support <help@example.com>");
            MapTemplateSource templates = new MapTemplateSource()
                    .put("", EmailTemplate.text(TemplateType.SIGN_IN, "Votre code é {{code}}", "Code : {{code}} ✓"));
            try (EmailConnector custom = TestConfigs.create(
                    config,
                    ConnectorContext.builder().templateResolver(templates).build())) {
                custom.sendMessage(
                        TemplateType.SIGN_IN,
                        TestConfigs.TO,
                        Payload.builder().code("777").build());
            }
            MimeMessage m = only();
            assertThat(m.getHeader("Subject", null)).startsWith("=?UTF-8?");
            assertThat(m.getSubject()).isEqualTo("Votre code é 777");
            InternetAddress from = (InternetAddress) m.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("noreply@example.com");
            assertThat(from.getPersonal()).isEqualTo("Example App");
            assertThat(m.getReplyTo())
                    .extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("help@example.com");
            assertThat(m.getHeader("To", null)).isEqualTo(TestConfigs.TO);
            assertThat(m.getSentDate()).isNotNull();
            assertThat(m.getMessageID()).matches("<msg_[A-Za-z0-9_]+@example\\.com>");
            assertThat(m.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(Captures.bodies(m)[0]).contains("Code : 777 ✓");
        }

        @Test
        @DisplayName("an HTML template is multipart/alternative: the derived plain text first, then the HTML")
        void html() throws Exception {
            MapTemplateSource templates = new MapTemplateSource()
                    .put(
                            "",
                            EmailTemplate.html(
                                    TemplateType.REGISTER,
                                    "Welcome",
                                    "<p>Your code is <b>{{code}}</b></p><a href=\"{{link}}\">Verify</a>"));
            try (EmailConnector c = TestConfigs.create(
                    plain(),
                    ConnectorContext.builder().templateResolver(templates).build())) {
                c.sendMessage(
                        TemplateType.REGISTER,
                        TestConfigs.TO,
                        Payload.builder()
                                .code("4242")
                                .link("https://example.com/v?t=1")
                                .build());
            }
            MimeMessage m = only();
            assertThat(m.getContentType()).startsWith("multipart/alternative");
            String[] bodies = Captures.bodies(m);
            assertThat(bodies[0])
                    .contains("4242")
                    .contains("https://example.com/v?t=1")
                    .doesNotContain("<b>");
            assertThat(bodies[1]).contains("<b>4242</b>");
        }

        @Test
        @DisplayName(
                "custom headers are added, a list giving one header line per value; a template's sendFrom and replyTo win")
        void customHeadersAndTemplateSender() throws Exception {
            ObjectNode config = plain().put("replyTo", "config@example.com");
            config.putObject("customHeaders")
                    .put("X-Test", "test")
                    .putArray("X-Test-Another")
                    .add("one")
                    .add("two");
            config.withArray("templates")
                    .addObject()
                    .put("usageType", "OrganizationInvitation")
                    .put("contentType", "text/plain")
                    .put("subject", "Join {{organization.name}}")
                    .put("content", "Open {{link}}")
                    .put("replyTo", "{{inviter.primaryEmail}}")
                    .put("sendFrom", "{{organization.name}} <invites@example.org>");
            try (EmailConnector c = TestConfigs.create(config)) {
                c.sendMessage(
                        TemplateType.ORGANIZATION_INVITATION,
                        TestConfigs.TO,
                        Payload.builder()
                                .link("https://example.org/join")
                                .put("organization", Map.of("name", "Acme"))
                                .put("inviter", Map.of("primaryEmail", "boss@example.org"))
                                .build());
            }
            MimeMessage m = only();
            assertThat(m.getHeader("X-Test")).containsExactly("test");
            assertThat(m.getHeader("X-Test-Another")).containsExactly("one", "two");
            InternetAddress from = (InternetAddress) m.getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("Acme");
            assertThat(from.getAddress()).isEqualTo("invites@example.org");
            assertThat(m.getMessageID()).endsWith("@example.org>");
            assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("boss@example.org");
        }

        @Test
        @DisplayName("a UTF-8 local part goes out with SMTPUTF8 when the server offers it (GreenMail does)")
        void smtpUtf8() throws Exception {
            try (EmailConnector c = TestConfigs.create(plain())) {
                c.sendMessage(
                        TemplateType.SIGN_IN,
                        "pelé@example.com",
                        Payload.builder().code("9").build());
            }
            MimeMessage m = only();
            assertThat(m.getHeader("To", null)).isEqualTo("pelé@example.com");
        }
    }

    @Nested
    @DisplayName("Failures GreenMail can produce")
    class Failures {
        @Test
        @DisplayName("a wrong password is AUTHENTICATION_FAILED with reply 535 and status 5.7.8, not retryable")
        void wrongPassword() {
            try (EmailConnector c =
                    TestConfigs.create(TestConfigs.login(plain(), TestConfigs.USER, "wrong-password"))) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.providerStatus()).hasValue(535);
                            assertThat(e.providerErrorCode()).hasValue("5.7.8");
                            assertThat(e.getMessage()).doesNotContain("wrong-password");
                        });
            }
            assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        }

        @Test
        @DisplayName("a delivery handler that throws makes GreenMail answer 451: PROVIDER_UNAVAILABLE, retryable")
        void deliveryFails451() {
            GREENMAIL.getUserManager().setMessageDeliveryHandler((msg, address) -> {
                throw new jakarta.mail.MessagingException("mailbox store is down");
            });
            try (EmailConnector c = TestConfigs.create(plain())) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                            assertThat(e.retryable()).isTrue();
                            assertThat(e.providerStatus()).hasValue(451);
                        });
            }
        }

        @Test
        @DisplayName(
                "TLS required (the default) against a server without STARTTLS fails with exactly that, before MAIL FROM")
        void tlsRequiredWithoutStartTls() {
            ObjectNode config =
                    TestConfigs.base("127.0.0.1", GREENMAIL.getSmtp().getPort());
            try (EmailConnector c = TestConfigs.create(config)) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.getMessage())
                                    .contains("TLS is required but the SMTP server at 127.0.0.1:"
                                            + GREENMAIL.getSmtp().getPort()
                                            + " does not offer STARTTLS, so nothing was sent");
                        });
            }
            assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        }

        @Test
        @DisplayName("a stopped server is PROVIDER_UNAVAILABLE (connection refused), retryable")
        void connectionRefused() {
            ObjectNode config = plain();
            GREENMAIL.stop();
            try (EmailConnector c = TestConfigs.create(config)) {
                assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, TestConfigs.TO, Payload.empty()))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
                            assertThat(e.retryable()).isTrue();
                            assertThat(e.getMessage()).contains("Could not connect");
                        });
            }
        }
    }

    @Nested
    @DisplayName("Connection check")
    class ConnectionCheck {
        @Test
        @DisplayName("connects, authenticates and quits without sending anything")
        void passes() {
            try (EmailConnector c =
                    TestConfigs.create(TestConfigs.login(smtps(), TestConfigs.USER, TestConfigs.PASS))) {
                assertThat(c.supportsConnectionCheck()).isTrue();
                c.checkConnection();
            }
            assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
        }

        @Test
        @DisplayName("reports refused credentials as AUTHENTICATION_FAILED")
        void refusedCredentials() {
            try (EmailConnector c = TestConfigs.create(TestConfigs.login(smtps(), TestConfigs.USER, "nope-nope"))) {
                assertThatThrownBy(c::checkConnection)
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
            }
        }
    }
}
