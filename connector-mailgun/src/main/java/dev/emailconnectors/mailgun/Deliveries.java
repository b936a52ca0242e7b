package dev.emailconnectors.mailgun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.TemplateSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code deliveries} of a configuration, by template type: raw deliveries rendered by the connector, or Mailgun
 * templates rendered by Mailgun.
 */
final class Deliveries {
    /** What to send for one message. */
    sealed interface Entry permits Rendered, Stored {}

    /**
     * A template the connector renders: the host's, or a raw delivery.
     *
     * @param template the subject, the body ({@code html}, else {@code text}) and the reply-to
     * @param text a raw delivery's own {@code text} template when it also has {@code html}; otherwise the text part
     *     is the rendered text of {@code template}
     */
    record Rendered(EmailTemplate template, Optional<String> text) implements Entry {}

    /**
     * A template stored in Mailgun.
     *
     * @param name the template's name
     * @param variables the configured variables (an object, possibly empty)
     * @param headers the delivery's {@code subject} (possibly empty) and {@code replyTo}, as a template
     */
    record Stored(String name, ObjectNode variables, EmailTemplate headers) implements Entry {}

    private final Map<TemplateType, Entry> byType;

    private Deliveries(Map<TemplateType, Entry> byType) {
        this.byType = byType;
    }

    static Deliveries from(JsonNode deliveries) {
        Map<TemplateType, Entry> byType = new EnumMap<>(TemplateType.class);
        for (TemplateType type : TemplateType.values()) {
            JsonNode d = deliveries.path(type.wireName());
            if (d.isObject()) {
                entry(type, d).ifPresent(e -> byType.put(type, e));
            }
        }
        return new Deliveries(byType);
    }

    private static Optional<Entry> entry(TemplateType type, JsonNode d) {
        String subject = text(d, "subject").orElse("");
        Optional<String> replyTo = text(d, "replyTo");
        Optional<String> html = text(d, "html");
        Optional<String> text = text(d, "text");
        if (text(d, "template").isPresent()) {
            ObjectNode variables = d.path("variables").isObject()
                    ? ((ObjectNode) d.get("variables")).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            EmailTemplate headers =
                    new EmailTemplate(type, subject, "", ContentType.TEXT_PLAIN, replyTo, Optional.empty());
            return Optional.of(new Stored(d.get("template").asText(), variables, headers));
        }
        if (html.isPresent()) {
            return Optional.of(new Rendered(
                    new EmailTemplate(type, subject, html.get(), ContentType.TEXT_HTML, replyTo, Optional.empty()),
                    text));
        }
        return text.map(t -> new Rendered(
                new EmailTemplate(type, subject, t, ContentType.TEXT_PLAIN, replyTo, Optional.empty()),
                Optional.empty()));
    }

    /** @return the raw deliveries as templates, for previews */
    TemplateSource rendered() {
        return (type, tag) -> Optional.ofNullable(byType.get(type))
                .filter(Rendered.class::isInstance)
                .map(e -> ((Rendered) e).template());
    }

    /**
     * Chooses what to send, in the core's order: the host's template for the type, the delivery for the type, the
     * host's {@code Generic}, the {@code Generic} delivery.
     *
     * @param message the message
     * @return the entry to send
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    Entry choose(OutboundMessage message) {
        return message.selectEntry(
                type -> Optional.ofNullable(byType.get(type)), host -> new Rendered(host, Optional.empty()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
