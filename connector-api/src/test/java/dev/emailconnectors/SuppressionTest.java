package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.InMemorySuppressionList;
import dev.emailconnectors.spi.Suppression;
import dev.emailconnectors.spi.SuppressionList;
import dev.emailconnectors.spi.SuppressionReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Suppression lists")
class SuppressionTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final ConnectorCatalog catalog = EmailConnectors.discover();
    private final InMemorySuppressionList list = new InMemorySuppressionList(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void reset() {
        RecordingProvider.reset();
    }

    private EmailConnector connector(String tenant, SendListener listener) {
        ConnectorContext context = ConnectorContext.builder()
                .tenantId(tenant)
                .suppressionList(list)
                .listener(listener)
                .build();
        return catalog.create("recording", CatalogTest.validConfig(), context);
    }

    @Test
    @DisplayName("a suppressed recipient fails with recipient_suppressed, not retryable, before the provider is called")
    void suppressedBeforeIo() {
        list.add(Suppression.of("acme", "Bounced@Example.COM", SuppressionReason.HARD_BOUNCE, "ses", NOW)
                .withDetail("550 5.1.1 user unknown"));
        List<EmailConnectorException> failures = new CopyOnWriteArrayList<>();
        SendListener listener = new SendListener() {
            @Override
            public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
                failures.add(error);
            }
        };
        try (EmailConnector c = connector("acme", listener)) {
            assertThatThrownBy(() -> c.sendMessage(
                            TemplateType.SIGN_IN,
                            "bounced@example.com",
                            Payload.builder().code("123456").build()))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_SUPPRESSED);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage())
                                .contains("hard_bounce", "from ses", "acme")
                                .doesNotContain("123456");
                    });
            assertThat(c.sendMessage(
                            TemplateType.SIGN_IN,
                            "other@example.com",
                            Payload.builder().code("1").build()))
                    .isNotNull();
        }
        assertThat(RecordingProvider.SENT).hasSize(1);
        assertThat(failures)
                .singleElement()
                .extracting(EmailConnectorException::code)
                .isEqualTo(ErrorCode.RECIPIENT_SUPPRESSED);
        assertThat(ErrorCode.RECIPIENT_SUPPRESSED.wireCode()).isEqualTo("recipient_suppressed");
        assertThat(ErrorCode.RECIPIENT_SUPPRESSED.retryableByDefault()).isFalse();
    }

    @Test
    @DisplayName("entries are per tenant, compare normalized addresses (case, punycode) and stop at their expiry")
    void scopeNormalizationExpiry() {
        list.add("acme", "user@bücher.example", SuppressionReason.MANUAL, "admin");
        list.add(Suppression.of("acme", "soft@example.com", SuppressionReason.SOFT_BOUNCES, "ses", NOW)
                .withExpiresAt(NOW));
        assertThat(list.find("acme", EmailAddress.parse("USER@xn--bcher-kva.example")))
                .get()
                .extracting(Suppression::address)
                .isEqualTo("user@xn--bcher-kva.example");
        assertThat(list.find("globex", EmailAddress.parse("user@bücher.example")))
                .isEmpty();
        assertThat(list.find("acme", EmailAddress.parse("soft@example.com"))).isEmpty();
        try (EmailConnector c = connector("globex", SendListener.none())) {
            c.sendMessage(TemplateType.SIGN_IN, "user@bücher.example", Payload.empty());
        }
        assertThat(RecordingProvider.SENT).hasSize(1);
    }

    @Test
    @DisplayName("entries are listed by address one page at a time, replaced by a new reason, and removed")
    void listReplaceRemove() {
        for (String a : List.of("d@example.com", "a@example.com", "c@example.com", "b@example.com")) {
            list.add("acme", a, SuppressionReason.MANUAL, "admin");
        }
        List<Suppression> first = list.list("acme", null, 3);
        assertThat(first)
                .extracting(Suppression::address)
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(list.list("acme", first.get(2).address(), 3))
                .extracting(Suppression::address)
                .containsExactly("d@example.com");
        list.add("acme", "A@example.com", SuppressionReason.COMPLAINT, "postmark");
        assertThat(list.find("acme", EmailAddress.parse("a@example.com")))
                .get()
                .extracting(Suppression::reason)
                .isEqualTo(SuppressionReason.COMPLAINT);
        assertThat(list.remove("acme", "A@EXAMPLE.com")).isTrue();
        assertThat(list.remove("acme", "a@example.com")).isFalse();
        assertThat(list.list("acme", null, 10)).hasSize(3);
        assertThat(SuppressionReason.of("hard_bounce")).isEqualTo(SuppressionReason.HARD_BOUNCE);
        assertThatThrownBy(() -> SuppressionReason.of("bogus")).hasMessageContaining("manual, hard_bounce");
    }

    @Test
    @DisplayName("the default context has no suppression list, which refuses additions with a remedy")
    void noneByDefault() {
        SuppressionList none = ConnectorContext.defaults().suppressionList();
        assertThat(none.find("default", EmailAddress.parse("a@example.com"))).isEmpty();
        assertThat(none.list("default", null, 5)).isEmpty();
        assertThatThrownBy(() -> none.add("default", "a@example.com", SuppressionReason.MANUAL, "admin"))
                .hasMessageContaining("ConnectorContext.Builder.suppressionList");
        assertThat(ConnectorContext.builder().suppressionList(list).build().toBuilder()
                        .build()
                        .suppressionList())
                .isSameAs(list);
    }
}
