package dev.emailconnectors.postmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.TemplateSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates of a configuration, by type: Postmark templates ({@code templateAlias}) or templates rendered by the
 * connector ({@code subject} and {@code content}). The first entry of a type wins, as in Logto.
 */
final class Templates {
    /** What to send for one message. */
    sealed interface Entry permits Rendered, Alias {}

    /** A template the connector renders: the host's, or a configured one. */
    record Rendered(EmailTemplate template) implements Entry {}

    /**
     * A Postmark template.
     *
     * @param templateAlias the template's alias
     * @param headers the entry's {@code replyTo} and {@code sendFrom} templates, with empty subject and content
     */
    record Alias(String templateAlias, EmailTemplate headers) implements Entry {}

    private final Map<TemplateType, Entry> byType;

    private Templates(Map<TemplateType, Entry> byType) {
        this.byType = byType;
    }

    static Templates from(JsonNode templates) {
        Map<TemplateType, Entry> byType = new EnumMap<>(TemplateType.class);
        for (JsonNode t : templates) {
            Optional<TemplateType> type = ConfigSupport.usageType(t);
            if (type.isEmpty() || byType.containsKey(type.get())) {
                continue;
            }
            Optional<String> replyTo = text(t, "replyTo");
            Optional<String> sendFrom = text(t, "sendFrom");
            if (text(t, "templateAlias").isPresent()) {
                EmailTemplate headers =
                        new EmailTemplate(type.get(), "", "", ContentType.TEXT_PLAIN, replyTo, sendFrom);
                byType.put(type.get(), new Alias(t.get("templateAlias").asText(), headers));
            } else if (t.path("subject").isTextual() && t.path("content").isTextual()) {
                String mime = text(t, "contentType").orElse("text/html");
                byType.put(
                        type.get(),
                        new Rendered(new EmailTemplate(
                                type.get(),
                                t.get("subject").asText(),
                                t.get("content").asText(),
                                ContentType.fromMimeType(mime),
                                replyTo,
                                sendFrom)));
            }
        }
        return new Templates(byType);
    }

    /** @return the templates the connector renders, for previews */
    TemplateSource rendered() {
        return (type, tag) -> Optional.ofNullable(byType.get(type))
                .filter(Rendered.class::isInstance)
                .map(e -> ((Rendered) e).template());
    }

    /**
     * Chooses what to send, in the core's order: the host's template for the type, the configuration's entry for the
     * type, the host's {@code Generic}, the configuration's {@code Generic}.
     *
     * @param message the message
     * @return the entry to send
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    Entry choose(OutboundMessage message) {
        TemplateType asked = message.type();
        for (TemplateType type :
                asked == TemplateType.GENERIC ? List.of(asked) : List.of(asked, TemplateType.GENERIC)) {
            Optional<EmailTemplate> host = message.hostTemplate(type);
            if (host.isPresent()) {
                return new Rendered(host.get());
            }
            Entry configured = byType.get(type);
            if (configured != null) {
                return configured;
            }
        }
        throw new EmailConnectorException(
                ErrorCode.TEMPLATE_NOT_FOUND,
                "No template for " + asked + (asked == TemplateType.GENERIC ? "" : " and no Generic fallback")
                        + " in the host's templates or the configuration of connector '" + message.connectorId()
                        + "'");
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
