package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.List;
import java.util.Map;

/** The {@code memory} test connector: sends to a named {@link MemoryPeer}. */
public final class MemoryProvider implements EmailConnectorProvider {
    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(MemoryProvider.class, "memory-schema.json");

    /** Creates the provider; ServiceLoader calls this. */
    public MemoryProvider() {}

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata(
                "memory",
                List.of("memory-alias"),
                "memory",
                Map.of("en", "Memory"),
                Map.of("en", "Test peer in memory"),
                "data:image/svg+xml;base64,PHN2Zy8+",
                "Test connector");
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        String peerName = config.get("peer").asText();
        if (peerName.equals("unbuildable")) {
            throw new IllegalStateException("this peer cannot be built");
        }
        boolean retries = config.path("retriesInternally").asBoolean(false);
        boolean check = config.path("connectionCheck").asBoolean(false);
        return new EmailSender() {
            @Override
            public SendResult send(OutboundMessage message) {
                return message.accepted(MemoryPeer.named(peerName).accept(message));
            }

            @Override
            public boolean retriesInternally() {
                return retries;
            }

            @Override
            public boolean supportsConnectionCheck() {
                return check;
            }

            @Override
            public void checkConnection() {
                MemoryPeer peer = MemoryPeer.named(peerName);
                if (peer.checkFails != null) {
                    throw peer.failure(peer.checkFails);
                }
            }

            @Override
            public void close() {
                MemoryPeer.named(peerName).closed.incrementAndGet();
            }
        };
    }
}
