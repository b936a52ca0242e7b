package dev.emailconnectors.internal;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and renders the template for one message. Order: the host's template for the type (language tag, then
 * shorter tags, then the default), the configuration's template for the type, the host's {@code Generic}, the
 * configuration's {@code Generic}; otherwise {@link ErrorCode#TEMPLATE_NOT_FOUND}.
 */
public final class TemplateSelector {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateSelector.class);

    private final String connectorId;
    private final TemplateSource host;
    private final TemplateSource config;
    private final String languageTag;
    private boolean hostFailed;

    /**
     * Creates a selector for one message.
     *
     * @param connectorId the connector id, for messages
     * @param host the host's templates
     * @param config the configuration's templates
     * @param languageTag the message's language tag, or {@code ""}
     */
    public TemplateSelector(String connectorId, TemplateSource host, TemplateSource config, String languageTag) {
        this.connectorId = connectorId;
        this.host = host;
        this.config = config;
        this.languageTag = languageTag;
    }

    /**
     * Returns the language tags to try: the tag, each shorter prefix, then {@code ""}.
     *
     * @param tag a BCP 47 tag or {@code ""}
     * @return for {@code fr-CA}: {@code [fr-CA, fr, ""]}
     */
    static List<String> fallbackTags(String tag) {
        List<String> tags = new ArrayList<>();
        String t = tag;
        while (!t.isEmpty()) {
            tags.add(t);
            int dash = t.lastIndexOf('-');
            t = dash < 0 ? "" : t.substring(0, dash);
        }
        tags.add("");
        return tags;
    }

    /**
     * Looks up the host's template for a type with language fallback.
     *
     * @param type the type
     * @return the template, if the host has one
     */
    public Optional<EmailTemplate> hostTemplate(TemplateType type) {
        if (hostFailed) {
            return Optional.empty();
        }
        for (String tag : fallbackTags(languageTag)) {
            try {
                Optional<EmailTemplate> found = host.find(type, tag);
                if (found != null && found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException e) {
                hostFailed = true;
                LOG.warn(
                        "Host template lookup failed for {} ({}); using the connector's own templates: {}",
                        type,
                        tag.isEmpty() ? "default language" : tag,
                        e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Selects the template for a type.
     *
     * @param type the message type
     * @return the template
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    public EmailTemplate select(TemplateType type) {
        Optional<EmailTemplate> found = hostTemplate(type).or(() -> config.find(type, languageTag));
        if (found.isEmpty() && type != TemplateType.GENERIC) {
            found = hostTemplate(TemplateType.GENERIC).or(() -> config.find(TemplateType.GENERIC, languageTag));
        }
        return found.orElseThrow(() -> new EmailConnectorException(
                ErrorCode.TEMPLATE_NOT_FOUND,
                "No template for " + type + (type == TemplateType.GENERIC ? "" : " and no Generic fallback")
                        + " in the host's templates or the configuration of connector '" + connectorId + "'"));
    }

    /**
     * Renders a template: values HTML-escaped in HTML content, subject, reply-to and sender reduced to one line.
     *
     * @param template the template
     * @param payload the values
     * @return the rendered message
     */
    public static RenderedEmail render(EmailTemplate template, Payload payload) {
        boolean html = template.contentType() == dev.emailconnectors.ContentType.TEXT_HTML;
        String content = TemplateRenderer.render(template.content(), payload, html);
        return new RenderedEmail(
                template.usageType(),
                oneLine(template.subject(), payload),
                template.contentType(),
                content,
                html ? HtmlText.toText(content) : content,
                template.replyTo().map(t -> oneLine(t, payload)).filter(s -> !s.isEmpty()),
                template.sendFrom().map(t -> oneLine(t, payload)).filter(s -> !s.isEmpty()));
    }

    private static String oneLine(String template, Payload payload) {
        return Sanitize.stripControl(TemplateRenderer.render(template, payload, false))
                .trim();
    }
}
