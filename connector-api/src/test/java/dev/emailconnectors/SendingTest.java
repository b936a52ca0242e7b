package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.TemplateSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sending through the core")
class SendingTest {
    private final ConnectorCatalog catalog = EmailConnectors.discover();

    @BeforeEach
    void reset() {
        RecordingProvider.reset();
    }

    private static RenderedEmail last() {
        return RecordingProvider.SENT.get(RecordingProvider.SENT.size() - 1).email();
    }

    @Test
    @DisplayName("a send renders the configuration's template and returns a receipt stamped by the context clock")
    void basicSend() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (EmailConnector c = catalog.create(
                "recording",
                CatalogTest.validConfig(),
                ConnectorContext.builder().clock(clock).build())) {
            SendResult r = c.sendMessage(
                    TemplateType.SIGN_IN,
                    "user@example.com",
                    Payload.builder().code("42").build());
            assertThat(r.connectorId()).isEqualTo("recording");
            assertThat(r.providerMessageId()).contains("rec-1");
            assertThat(r.acceptedAt()).isEqualTo(clock.instant());
            assertThat(last().subject()).isEqualTo("Code 42");
            assertThat(last().usageType()).isEqualTo(TemplateType.GENERIC);
            assertThat(c.toString()).doesNotContain("sk_live");
        }
    }

    @Test
    @DisplayName("host templates win, with language fallback fr-CA, fr, default; then config; then Generic")
    void selectionOrder() {
        List<String> asked = new ArrayList<>();
        TemplateSource host = (type, tag) -> {
            asked.add(type + "/" + tag);
            if (type == TemplateType.REGISTER && tag.equals("fr")) {
                return Optional.of(EmailTemplate.text(type, "Inscription {{code}}", "fr"));
            }
            if (type == TemplateType.GENERIC && tag.isEmpty()) {
                return Optional.of(EmailTemplate.text(type, "Host generic", "g"));
            }
            return Optional.empty();
        };
        ConnectorContext ctx = ConnectorContext.builder().templateResolver(host).build();
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig(), ctx)) {
            c.sendMessage(
                    TemplateType.REGISTER,
                    "u@example.com",
                    Payload.builder().code("1").locale("fr-CA").build());
            assertThat(last().subject()).isEqualTo("Inscription 1");
            assertThat(asked).containsExactly("Register/fr-CA", "Register/fr");

            asked.clear();
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    "u@example.com",
                    Payload.builder().code("1").build());
            assertThat(last().subject()).isEqualTo("Host generic");
            assertThat(asked).containsExactly("SignIn/", "Generic/");
        }
    }

    @Test
    @DisplayName("a failing host resolver falls back to the configuration's templates")
    void failingResolver() {
        TemplateSource host = (type, tag) -> {
            throw new IllegalStateException("database down");
        };
        try (EmailConnector c = catalog.create(
                "recording",
                CatalogTest.validConfig(),
                ConnectorContext.builder().templateResolver(host).build())) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    "u@example.com",
                    Payload.builder().code("7").build());
            assertThat(last().subject()).isEqualTo("Code 7");
        }
    }

    @Test
    @DisplayName("HTML templates escape values, derive a text part, and single-line the subject and sender")
    void htmlAndHeaders() {
        TemplateSource host = (type, tag) -> Optional.of(EmailTemplate.html(
                        type,
                        "Hi {{user.name}}",
                        "<p>Join <b>{{organization.name}}</b></p><p><a href=\"{{link}}\">Accept</a></p>")
                .withSendFrom("{{application.name}} <app@example.com>")
                .withReplyTo("{{user.email}}"));
        Payload payload = Payload.of(Map.of(
                "user", Map.of("name", "Eve\r\nBcc: victim@example.com", "email", "eve@example.com\n"),
                "organization", Map.of("name", "<script>x</script>"),
                "application", Map.of("name", "Acme\r\n"),
                "link", "https://example.com/i?a=1&b=2"));
        try (EmailConnector c = catalog.create(
                "recording",
                CatalogTest.validConfig(),
                ConnectorContext.builder().templateResolver(host).build())) {
            c.sendMessage(TemplateType.ORGANIZATION_INVITATION, "u@example.com", payload);
        }
        RenderedEmail e = last();
        assertThat(e.subject()).isEqualTo("Hi EveBcc: victim@example.com").doesNotContain("\r", "\n");
        assertThat(e.content()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(e.content()).contains("href=\"https://example.com/i?a&#x3D;1&amp;b&#x3D;2\"");
        assertThat(e.text()).contains("Join <script>x</script>").contains("Accept (https://example.com/i?a=1&b=2)");
        assertThat(e.from(Mailbox.of("x@example.com")).format()).isEqualTo("Acme <app@example.com>");
        assertThat(e.replyTo()).contains("eve@example.com");
    }

    @Test
    @DisplayName("bad requests fail before the provider is called")
    void badRequests() {
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "not-an-address", Payload.empty()))
                    .extracting(e -> ((EmailConnectorException) e).code())
                    .isEqualTo(ErrorCode.INVALID_RECIPIENT);
            assertThatThrownBy(() -> c.sendMessage(null, "u@example.com", Payload.empty()))
                    .extracting(e -> ((EmailConnectorException) e).code())
                    .isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "u@example.com", null))
                    .extracting(e -> ((EmailConnectorException) e).code())
                    .isEqualTo(ErrorCode.INVALID_PAYLOAD);
        }
        assertThat(RecordingProvider.SENT).isEmpty();
    }

    @Test
    @DisplayName("provider failures keep their code, get the connector id, and never carry a secret")
    void failures() {
        RecordingProvider.FAILURES.add(
                EmailConnectorException.builder(ErrorCode.AUTHENTICATION_FAILED, "key sk_live_0123456789 refused")
                        .cause(new IOException("server said: token tok-abcdef is bad"))
                        .build());
        RecordingProvider.FAILURES.add(new IllegalStateException("boom sk_live_0123456789"));
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                        assertThat(e.connectorId()).contains("recording");
                        assertThat(chain(e))
                                .doesNotContain("sk_live_0123456789", "tok-abcdef")
                                .contains("***");
                        assertThat(e.getCause().toString()).startsWith("java.io.IOException");
                    });
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.GENERAL);
                        assertThat(chain(e)).doesNotContain("sk_live_0123456789");
                    });
        }
    }

    static String chain(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c).append('\n');
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return s.append(w).toString();
    }

    @Test
    @DisplayName("listeners see start, success and failure with durations; a throwing listener is ignored")
    void listener() {
        List<String> events = new ArrayList<>();
        SendListener l = new SendListener() {
            @Override
            public void onStart(SendEvent event) {
                events.add("start " + event.template() + " " + event.tenantId());
            }

            @Override
            public void onSuccess(SendEvent event, SendResult result, Duration duration) {
                events.add("ok " + result.providerMessageId().orElse("-"));
            }

            @Override
            public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
                events.add("fail " + error.code().wireCode());
                throw new IllegalStateException("listener bug");
            }
        };
        ConnectorContext ctx =
                ConnectorContext.builder().listener(l).tenantId("acme").build();
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig(), ctx)) {
            c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty());
            assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "bad", Payload.empty()))
                    .isInstanceOf(EmailConnectorException.class);
        }
        assertThat(events)
                .containsExactly("start SignIn acme", "ok rec-1", "start SignIn acme", "fail invalid_recipient");
    }

    @Test
    @DisplayName("close is idempotent and a send after close fails clearly")
    void close() {
        EmailConnector c = catalog.create("recording", CatalogTest.validConfig());
        c.close();
        c.close();
        assertThat(RecordingProvider.CLOSED.get()).isEqualTo(1);
        assertThatThrownBy(() -> c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    @DisplayName("a preview renders without sending and lists unresolved placeholders")
    void preview() {
        TemplatePreview p = catalog.preview(
                "recording",
                CatalogTest.validConfig(),
                TemplateType.MFA_VERIFICATION,
                Payload.empty(),
                ConnectorContext.defaults());
        assertThat(p.email().subject()).isEqualTo("Code {{code}}");
        assertThat(p.unresolvedPlaceholders()).containsExactly("code");
        assertThat(RecordingProvider.SENT).isEmpty();
    }

    @Test
    @DisplayName("idempotency keys give stable message ids; without one each message gets a fresh id")
    void messageIds() {
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            for (int i = 0; i < 2; i++) {
                c.send(SendRequest.builder(TemplateType.SIGN_IN, "u@example.com", Payload.empty())
                        .idempotencyKey("passcode-1")
                        .build());
            }
            c.sendMessage(TemplateType.SIGN_IN, "u@example.com", Payload.empty());
        }
        List<String> ids = RecordingProvider.SENT.stream()
                .map(s -> s.message().messageId())
                .toList();
        assertThat(ids.get(0)).isEqualTo(ids.get(1)).matches("msg_[A-Za-z0-9_]+");
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0)).matches("msg_[A-Za-z0-9_]+");
    }
}
