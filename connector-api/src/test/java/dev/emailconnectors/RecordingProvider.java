package dev.emailconnectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test connector that records rendered messages in memory; failures can be scripted. */
public class RecordingProvider implements EmailConnectorProvider {
    static final JsonNode SCHEMA = ConfigSupport.loadSchema(RecordingProvider.class, "recording-schema.json");
    static final List<Sent> SENT = new CopyOnWriteArrayList<>();
    static final List<RuntimeException> FAILURES = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger CLOSED = new AtomicInteger();

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public RecordingProvider() {}

    /** A message the recording sender received. */
    record Sent(OutboundMessage message, RenderedEmail email) {}

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata(
                "recording",
                List.of("recording-alias"),
                "recording",
                Map.of("en", "Recording"),
                Map.of("en", "Records messages in memory"),
                "data:image/svg+xml;base64,PHN2Zy8+",
                "Test connector");
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> out =
                new ArrayList<>(ConfigSupport.requireTemplateTypes(config, "templates", TemplateType.GENERIC));
        out.addAll(ConfigSupport.checkTemplateSyntax(config, "templates"));
        return out;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        return new EmailSender() {
            @Override
            public SendResult send(OutboundMessage message) {
                if (!FAILURES.isEmpty()) {
                    throw FAILURES.remove(0);
                }
                SENT.add(new Sent(message, message.render()));
                return message.accepted("rec-" + SENT.size());
            }

            @Override
            public void close() {
                CLOSED.incrementAndGet();
            }
        };
    }

    static void reset() {
        SENT.clear();
        FAILURES.clear();
        CLOSED.set(0);
    }
}
