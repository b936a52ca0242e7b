package dev.emailconnectors.spi;

import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.TemplateType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where templates come from: the host's per-locale custom templates (pass one as
 * {@link ConnectorContext.Builder#templateResolver(TemplateSource)}), or a connector's configuration.
 *
 * <p>For the host's source the core asks with the message's language tag, then shorter tags, then {@code ""} (the
 * host's default language); it asks for the message's type and, when nothing matches at any level, for
 * {@code Generic}. Exceptions thrown by a host source are logged and treated as "no template", so a database outage
 * falls back to the connector's own templates.
 */
@FunctionalInterface
public interface TemplateSource {

    /**
     * Looks up a template.
     *
     * @param type the message type
     * @param languageTag a BCP 47 tag such as {@code fr-CA} or {@code fr}, or {@code ""} for the default language
     * @return the template, if there is one for exactly this type and tag
     */
    Optional<EmailTemplate> find(TemplateType type, String languageTag);

    /**
     * Returns a source without templates.
     *
     * @return the empty source
     */
    static TemplateSource none() {
        return (type, tag) -> Optional.empty();
    }

    /**
     * Returns a source that answers by type only, whatever the language; the first template of each type wins.
     *
     * @param templates the templates
     * @return the source
     */
    static TemplateSource of(Collection<EmailTemplate> templates) {
        Map<TemplateType, EmailTemplate> byType = new EnumMap<>(TemplateType.class);
        templates.forEach(t -> byType.putIfAbsent(t.usageType(), t));
        return (type, tag) -> Optional.ofNullable(byType.get(type));
    }
}
