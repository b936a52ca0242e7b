package dev.emailconnectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.TemplateType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Logto-style {@code templates} array whose entries are either rendered by the connector ({@code subject} and
 * {@code content}) or stored at the provider and referenced by a field such as SendGrid's {@code templateId} or
 * Postmark's {@code templateAlias}. The first entry of a type wins, as in Logto. Immutable.
 */
public final class StoredTemplates {
    /** What to send for one message. */
    public sealed interface Entry permits Rendered, Stored {}

    /**
     * A template the connector renders: the host's, or a configured one.
     *
     * @param template the template
     */
    public record Rendered(EmailTemplate template) implements Entry {}

    /**
     * A template stored at the provider.
     *
     * @param reference the provider's id or alias of the template
     * @param headers the entry's {@code replyTo} and {@code sendFrom} templates, with empty subject and content
     */
    public record Stored(String reference, EmailTemplate headers) implements Entry {}

    private final Map<TemplateType, Entry> byType;

    private StoredTemplates(Map<TemplateType, Entry> byType) {
        this.byType = byType;
    }

    /**
     * Reads a templates array. Rendered entries are read as {@link ConfigSupport#template(JsonNode)} reads them.
     *
     * @param templates the array (a missing node gives no templates)
     * @param referenceField the field that marks a stored template, such as {@code templateId}
     * @return the templates
     */
    public static StoredTemplates from(JsonNode templates, String referenceField) {
        Map<TemplateType, Entry> byType = new EnumMap<>(TemplateType.class);
        for (JsonNode t : templates) {
            Optional<TemplateType> type = ConfigSupport.usageType(t);
            if (type.isEmpty() || byType.containsKey(type.get())) {
                continue;
            }
            Optional<String> reference = ConfigSupport.text(t, referenceField);
            if (reference.isPresent()) {
                EmailTemplate headers = new EmailTemplate(
                        type.get(),
                        "",
                        "",
                        ContentType.TEXT_PLAIN,
                        ConfigSupport.text(t, "replyTo"),
                        ConfigSupport.text(t, "sendFrom"));
                byType.put(type.get(), new Stored(reference.get(), headers));
            } else {
                ConfigSupport.template(t).ifPresent(template -> byType.put(type.get(), new Rendered(template)));
            }
        }
        return new StoredTemplates(byType);
    }

    /** @return the templates the connector renders, for previews */
    public TemplateSource rendered() {
        return (type, tag) -> Optional.ofNullable(byType.get(type))
                .filter(Rendered.class::isInstance)
                .map(e -> ((Rendered) e).template());
    }

    /**
     * Chooses what to send, in the core's order (see {@link OutboundMessage#selectEntry}).
     *
     * @param message the message
     * @return the entry to send
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    public Entry choose(OutboundMessage message) {
        return message.selectEntry(type -> Optional.ofNullable(byType.get(type)), Rendered::new);
    }
}
