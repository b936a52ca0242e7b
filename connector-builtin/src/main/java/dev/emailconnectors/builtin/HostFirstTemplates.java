package dev.emailconnectors.builtin;

import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.TemplateSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template resolver handed to a delivering connector: the host's template for the type (the language tag, then
 * shorter tags, then the host's default language), else the built-in template in the best shipped language. This is
 * the order the built-in service itself uses, so delegating changes how a message travels, never what it says. A
 * failing host lookup is logged and skipped.
 */
final class HostFirstTemplates implements TemplateSource {
    private static final Logger LOG = LoggerFactory.getLogger(HostFirstTemplates.class);

    private final TemplateSource host;
    private final TemplateSource builtin;

    HostFirstTemplates(TemplateSource host, TemplateSource builtin) {
        this.host = host;
        this.builtin = builtin;
    }

    @Override
    public Optional<EmailTemplate> find(TemplateType type, String languageTag) {
        String tag = languageTag == null ? "" : languageTag;
        try {
            while (true) {
                Optional<EmailTemplate> found = host.find(type, tag);
                if (found != null && found.isPresent()) {
                    return found;
                }
                if (tag.isEmpty()) {
                    break;
                }
                int dash = tag.lastIndexOf('-');
                tag = dash < 0 ? "" : tag.substring(0, dash);
            }
        } catch (RuntimeException e) {
            LOG.warn("Host template lookup failed for {}; using the built-in template: {}", type, e.toString());
        }
        return builtin.find(type, languageTag);
    }
}
