package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.TemplateSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Host-rendered content")
class RenderedContentTest {
    private final ConnectorCatalog catalog = EmailConnectors.discover();

    @BeforeEach
    void reset() {
        RecordingProvider.reset();
    }

    private static RecordingProvider.Sent last() {
        return RecordingProvider.SENT.get(RecordingProvider.SENT.size() - 1);
    }

    @Test
    @DisplayName("is sent as given: no template lookup, no placeholder rendering, HTML not escaped again")
    void sentAsGiven() {
        AtomicInteger lookups = new AtomicInteger();
        TemplateSource host = (type, tag) -> {
            lookups.incrementAndGet();
            return Optional.empty();
        };
        ConnectorContext context =
                ConnectorContext.builder().templateResolver(host).build();
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig(), context)) {
            c.send(SendRequest.builder(
                            TemplateType.FORGOT_PASSWORD,
                            "user@example.com",
                            Payload.builder().code("42").build())
                    .content(RenderedContent.of(
                                    " Reset {{code}} ", "Text {{code}}", "<p>Hi <b>{{user.name}}</b> &amp; co</p>")
                            .withReplyTo("Support <help@example.com>")
                            .withSendFrom("Acme"))
                    .build());
        }
        RenderedEmail email = last().email();
        assertThat(lookups).hasValue(0);
        assertThat(email.usageType()).isEqualTo(TemplateType.FORGOT_PASSWORD);
        assertThat(email.subject()).isEqualTo("Reset {{code}}");
        assertThat(email.html()).hasValue("<p>Hi <b>{{user.name}}</b> &amp; co</p>");
        assertThat(email.text()).isEqualTo("Text {{code}}");
        assertThat(email.replyTo()).hasValue("Support <help@example.com>");
        assertThat(email.from(Mailbox.of("noreply@example.com"))).isEqualTo(Mailbox.of("Acme", "noreply@example.com"));
        assertThat(last().message().content()).isPresent();
    }

    @Test
    @DisplayName("as HTML only gets a plain-text version derived from the HTML; as text only is plain text")
    void oneBody() {
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            c.sendRendered(
                    TemplateType.REGISTER,
                    "u@example.com",
                    RenderedContent.of("Verify", null, "<p>Open <a href=\"https://example.com/v\">this</a></p>"));
            assertThat(last().email().isHtml()).isTrue();
            assertThat(last().email().text()).contains("this (https://example.com/v)");

            c.sendRendered(TemplateType.REGISTER, "u@example.com", RenderedContent.of("Verify", "plain", null));
            assertThat(last().email().contentType()).isEqualTo(ContentType.TEXT_PLAIN);
            assertThat(last().email().content()).isEqualTo("plain");
        }
    }

    @Test
    @DisplayName("takes the host's side in entry selection and renders to itself")
    void selection() {
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            c.sendRendered(TemplateType.SIGN_IN, "u@example.com", RenderedContent.of("S", "T", null));
        }
        OutboundMessage message = last().message();
        EmailTemplate chosen = message.selectEntry(type -> Optional.of(EmailTemplate.text(type, "cfg", "cfg")), t -> t);
        assertThat(chosen).isSameAs(message.selectTemplate());
        assertThat(message.render(chosen).subject()).isEqualTo("S");
        assertThat(message.render(EmailTemplate.text(TemplateType.SIGN_IN, "{{code}}", "x"))
                        .subject())
                .isEqualTo("{{code}}");
    }

    @Test
    @DisplayName("with a control character in a header value fails with INVALID_PAYLOAD before the provider is called")
    void headerValuesChecked() {
        List<RenderedContent> bad = List.of(
                RenderedContent.of("Hi\r\nBcc: x@example.com", "t", null),
                RenderedContent.of("Hi", "t", null).withReplyTo("a@example.com\nBcc: x@example.com"),
                RenderedContent.of("Hi", "t", null).withSendFrom("Acme\u0000"),
                RenderedContent.of("Tab\tbed", "t", null));
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            for (RenderedContent content : bad) {
                assertThatThrownBy(() -> c.sendRendered(TemplateType.SIGN_IN, "u@example.com", content))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
                            assertThat(e.getMessage())
                                    .contains("control character")
                                    .doesNotContain("Bcc");
                        });
            }
        }
        assertThat(RecordingProvider.SENT).isEmpty();
    }

    @Test
    @DisplayName("needs a body, and hides subject and bodies from toString")
    void values() {
        assertThatThrownBy(() -> RenderedContent.of("s", null, null)).isInstanceOf(IllegalArgumentException.class);
        RenderedContent content = RenderedContent.of("Code 123456", "Your code 123456", null);
        assertThat(content.toString()).doesNotContain("123456");
        SendRequest request = SendRequest.builder(TemplateType.SIGN_IN, "u@example.com", Payload.empty())
                .content(content)
                .build();
        assertThat(request.toString()).doesNotContain("123456");
        assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
        assertThat(request.content()).containsSame(content);
    }
}
