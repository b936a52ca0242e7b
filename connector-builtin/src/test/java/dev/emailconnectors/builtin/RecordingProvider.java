package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test connector (id {@code recording}) that keeps what it is asked to send in memory, to observe delegation. Its
 * configuration: {@code fromEmail} (required), {@code password} (secret), {@code fail} (an error code to throw).
 */
public final class RecordingProvider implements EmailConnectorProvider {
    /** Every message sent through any recording connector. */
    static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    private static final JsonNode SCHEMA =
            dev.emailconnectors.spi.ConfigSupport.loadSchema(RecordingProvider.class, "recording-schema.json");

    /**
     * One recorded message.
     *
     * @param to the recipient
     * @param from the sender
     * @param email the rendered message
     * @param tenantId the tenant of the context it was created with
     */
    record Sent(String to, Mailbox from, RenderedEmail email, String tenantId) {}

    /** Creates the provider. */
    public RecordingProvider() {}

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata(
                "recording",
                List.of(),
                "recording",
                Map.of("en", "Recording"),
                Map.of("en", "Keeps messages in memory."),
                "data:image/png;base64,AA==",
                "For tests.");
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        Mailbox configured = Mailbox.of(config.get("fromEmail").asText());
        String fail = config.path("fail").asText("");
        return new EmailSender() {
            @Override
            public SendResult send(OutboundMessage message) {
                if (!fail.isEmpty()) {
                    throw new EmailConnectorException(ErrorCode.valueOf(fail), "recording connector told to fail");
                }
                RenderedEmail email = message.render();
                SENT.add(new Sent(message.to().address(), email.from(configured), email, context.tenantId()));
                return message.accepted("rec-" + SENT.size()).withDetail("recorded", "yes");
            }
        };
    }
}
