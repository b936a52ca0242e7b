package dev.emailconnectors.micrometer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ConnectionPoolStats;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connector for tests: renders each message like a real one and accepts it, except for recipients named
 * {@code fail.<wire code>@…}, which fail with that error code. Reports the pool given to it.
 */
final class ScriptedProvider implements EmailConnectorProvider {
    static final String ID = "scripted";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicReference<ConnectionPoolStats> pool = new AtomicReference<>();

    static JsonNode config() {
        return JSON.createObjectNode()
                .set(
                        "templates",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("usageType", "Generic")
                                        .put("subject", "Code {{code}}")
                                        .put("content", "Your code is {{code}}")
                                        .put("contentType", "text/plain")));
    }

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata(
                ID,
                List.of(),
                ID,
                Map.of("en", "Scripted"),
                Map.of("en", "Accepts or fails as the recipient says."),
                "data:,",
                "For tests.");
    }

    @Override
    public JsonNode configSchema() {
        return JSON.createObjectNode().put("type", "object");
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        return new EmailSender() {
            @Override
            public SendResult send(OutboundMessage message) {
                message.render();
                String local = message.to().localPart();
                if (local.startsWith("fail.")) {
                    String wire = local.substring("fail.".length());
                    for (ErrorCode code : ErrorCode.values()) {
                        if (code.wireCode().equals(wire)) {
                            throw new EmailConnectorException(code, "Scripted failure " + wire);
                        }
                    }
                }
                return message.accepted("id-" + message.messageId());
            }

            @Override
            public Optional<ConnectionPoolStats> connectionPool() {
                return Optional.ofNullable(pool.get());
            }
        };
    }
}
