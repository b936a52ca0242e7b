package dev.emailconnectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The active connector")
class ActiveEmailConnectorTest {

    @BeforeEach
    void reset() {
        RecordingProvider.reset();
    }

    @Test
    @DisplayName("without a connector, sends fail with NOT_CONFIGURED and say email sign-in cannot work")
    void notConfigured() {
        try (ActiveEmailConnector active = new ActiveEmailConnector(EmailConnectors.discover())) {
            assertThatThrownBy(() -> active.send(TemplateType.SIGN_IN, "u@example.com", Payload.empty()))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONFIGURED);
                        assertThat(e.getMessage()).contains("email sign-in");
                    });
            assertThat(active.activeId()).isEmpty();
        }
    }

    @Test
    @DisplayName("an invalid configuration leaves the active connector in place")
    void invalidSwitchKeepsOld() {
        try (ActiveEmailConnector active = new ActiveEmailConnector(EmailConnectors.discover())) {
            active.switchTo("recording-alias", CatalogTest.validConfig());
            assertThatThrownBy(() -> active.switchTo("recording", CatalogTest.json("{}")))
                    .extracting(e -> ((EmailConnectorException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(active.activeId()).contains("recording");
            active.send(TemplateType.SIGN_IN, "u@example.com", Payload.empty());
            assertThat(RecordingProvider.SENT).hasSize(1);
        }
        assertThat(RecordingProvider.CLOSED.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("testSend uses an unsaved configuration with a Generic 000000 message and closes it")
    void testSend() {
        try (ActiveEmailConnector active = new ActiveEmailConnector(EmailConnectors.discover())) {
            SendResult r = active.testSend("recording", CatalogTest.validConfig(), "admin@example.com");
            assertThat(r.connectorId()).isEqualTo("recording");
            assertThat(active.activeId()).isEmpty();
            OutboundMessage m = RecordingProvider.SENT.get(0).message();
            assertThat(m.type()).isEqualTo(TemplateType.GENERIC);
            assertThat(m.payload().code()).contains("000000");
            assertThat(RecordingProvider.CLOSED.get()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("switching lets in-flight sends finish on the old connector, then closes it")
    void switchDuringSend() throws Exception {
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slowClosed = new AtomicBoolean();
        EmailConnectorProvider slow = new RecordingProvider() {
            @Override
            public ConnectorMetadata metadata() {
                return new ConnectorMetadata(
                        "slow",
                        List.of(),
                        "slow",
                        Map.of("en", "Slow"),
                        Map.of("en", "Blocks until released"),
                        "https://example.com/logo.svg",
                        "Test");
            }

            @Override
            public EmailSender create(JsonNode config, ConnectorContext context) {
                return new EmailSender() {
                    @Override
                    public SendResult send(OutboundMessage message) {
                        inSend.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        assertThat(slowClosed).isFalse();
                        return message.accepted("slow-1");
                    }

                    @Override
                    public void close() {
                        slowClosed.set(true);
                    }
                };
            }
        };
        ConnectorCatalog catalog = ConnectorCatalog.of(List.of(slow, new RecordingProvider()));
        try (ActiveEmailConnector active = new ActiveEmailConnector(catalog)) {
            active.switchTo("slow", CatalogTest.validConfig());
            CompletableFuture<SendResult> inFlight = CompletableFuture.supplyAsync(
                    () -> active.send(TemplateType.SIGN_IN, "u@example.com", Payload.empty()));
            assertThat(inSend.await(10, TimeUnit.SECONDS)).isTrue();
            active.switchTo("recording", CatalogTest.validConfig());
            assertThat(slowClosed).isFalse();
            assertThat(active.send(TemplateType.SIGN_IN, "u@example.com", Payload.empty())
                            .connectorId())
                    .isEqualTo("recording");
            release.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).providerMessageId()).contains("slow-1");
            assertThat(slowClosed).isTrue();
        }
    }

    @Test
    @DisplayName("loading a schema that does not exist fails clearly")
    void missingSchema() {
        assertThatThrownBy(() -> ConfigSupport.loadSchema(getClass(), "nope.json"))
                .hasMessageContaining("nope.json");
    }
}
