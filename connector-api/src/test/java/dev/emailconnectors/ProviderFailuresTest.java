package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What escapes a provider")
class ProviderFailuresTest {

    /** A recording-like provider whose sender throws what the test says and may register a run-time secret. */
    static final class Throwing extends RecordingProvider {
        private final Supplier<Throwable> failure;

        Throwing(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public EmailSender create(JsonNode config, ConnectorContext context) {
            context.scrubber().add("ya29.runtime-access-token-0123");
            return new EmailSender() {
                @Override
                public SendResult send(OutboundMessage message) {
                    Throwable t = failure.get();
                    if (t instanceof RuntimeException) {
                        throw (RuntimeException) t;
                    }
                    throw (Error) t;
                }
            };
        }
    }

    private static void send(Supplier<Throwable> failure) {
        ConnectorCatalog catalog = ConnectorCatalog.of(List.of(new Throwing(failure)));
        try (EmailConnector c = catalog.create("recording", CatalogTest.validConfig())) {
            c.sendMessage(
                    TemplateType.SIGN_IN,
                    "user@example.com",
                    Payload.builder().code("1").build());
        }
    }

    @Test
    @DisplayName("a recoverable Error becomes a typed, non-retryable failure")
    void recoverableError() {
        assertThatThrownBy(() -> send(() -> new AssertionError("broken invariant")))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.GENERAL);
                    assertThat(e.retryable()).isFalse();
                });
        assertThatThrownBy(() -> send(StackOverflowError::new)).isInstanceOf(EmailConnectorException.class);
    }

    @Test
    @DisplayName("OutOfMemoryError is not swallowed: the host sees it")
    void outOfMemoryRethrown() {
        assertThatThrownBy(() -> send(() -> new OutOfMemoryError("simulated"))).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    @DisplayName("a secret the provider obtained at run time is scrubbed from its errors")
    void runtimeSecretScrubbed() {
        assertThatThrownBy(() -> send(() -> new IllegalStateException(
                        "token endpoint echoed Bearer ya29.runtime-access-token-0123 and sk_live_0123456789")))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("Bearer ***")
                        .doesNotContain("runtime-access-token")
                        .doesNotContain("sk_live"));
    }
}
