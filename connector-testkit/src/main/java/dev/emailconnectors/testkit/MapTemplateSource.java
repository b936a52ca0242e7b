package dev.emailconnectors.testkit;

import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.TemplateSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A host template store for tests: templates by type and language tag, recording every lookup. Thread-safe.
 *
 * <pre>{@code
 * MapTemplateSource templates = new MapTemplateSource()
 *         .put("fr", EmailTemplate.text(TemplateType.SIGN_IN, "Code {{code}}", "Votre code : {{code}}"));
 * ConnectorContext context = ConnectorContext.builder().templateResolver(templates).build();
 * }</pre>
 */
public final class MapTemplateSource implements TemplateSource {
    private final Map<String, EmailTemplate> templates = new ConcurrentHashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    /** Creates an empty source. */
    public MapTemplateSource() {}

    /**
     * Adds a template for a language tag ({@code ""} for the default language); its usage type is the key's type.
     *
     * @param languageTag the tag
     * @param template the template
     * @return this source
     */
    public MapTemplateSource put(String languageTag, EmailTemplate template) {
        templates.put(key(template.usageType(), languageTag), template);
        return this;
    }

    @Override
    public Optional<EmailTemplate> find(TemplateType type, String languageTag) {
        lookups.add(key(type, languageTag));
        return Optional.ofNullable(templates.get(key(type, languageTag)));
    }

    /** @return every lookup so far, as {@code "Type/tag"} */
    public List<String> lookups() {
        return List.copyOf(lookups);
    }

    private static String key(TemplateType type, String tag) {
        return type.wireName() + "/" + tag;
    }
}
