package dev.emailconnectors;

import java.util.Objects;
import java.util.Optional;

/**
 * A message template: subject and body with {@code {{ placeholders }}}, plus optional reply-to and sender overrides
 * (themselves templates). Templates come from a connector's configuration or from the host's per-locale templates
 * (see {@link dev.emailconnectors.spi.TemplateSource}).
 *
 * <p>Placeholders follow Logto's rules: {@code {{ code }}}, dotted paths {@code {{ user.name }}}, array indexes
 * {@code {{ list.0 }}}; a placeholder whose first segment is not in the payload stays as written; a missing nested
 * value renders empty. Mustache sections ({@code {{#link}}…{{/link}}}) and inverted sections are also available.
 * Values are HTML-escaped inside {@code text/html} content; control characters are removed from the rendered subject,
 * reply-to and sender.
 *
 * @param usageType the message type this template is for
 * @param subject the subject template
 * @param content the body template
 * @param contentType the body's content type
 * @param replyTo a reply-to template, if any
 * @param sendFrom a sender template ({@code "Name <addr>"}, an address, or a display name), if any
 */
public record EmailTemplate(
        TemplateType usageType,
        String subject,
        String content,
        ContentType contentType,
        Optional<String> replyTo,
        Optional<String> sendFrom) {

    /** Checks that no component is null. */
    public EmailTemplate {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(sendFrom, "sendFrom");
    }

    /**
     * Creates an HTML template.
     *
     * @param usageType the message type
     * @param subject the subject template
     * @param content the HTML body template
     * @return the template
     */
    public static EmailTemplate html(TemplateType usageType, String subject, String content) {
        return new EmailTemplate(
                usageType, subject, content, ContentType.TEXT_HTML, Optional.empty(), Optional.empty());
    }

    /**
     * Creates a plain-text template.
     *
     * @param usageType the message type
     * @param subject the subject template
     * @param content the text body template
     * @return the template
     */
    public static EmailTemplate text(TemplateType usageType, String subject, String content) {
        return new EmailTemplate(
                usageType, subject, content, ContentType.TEXT_PLAIN, Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy with a reply-to template.
     *
     * @param replyTo the reply-to template, or null for none
     * @return the new template
     */
    public EmailTemplate withReplyTo(String replyTo) {
        return new EmailTemplate(usageType, subject, content, contentType, Optional.ofNullable(replyTo), sendFrom);
    }

    /**
     * Returns a copy with a sender template.
     *
     * @param sendFrom the sender template, or null for none
     * @return the new template
     */
    public EmailTemplate withSendFrom(String sendFrom) {
        return new EmailTemplate(usageType, subject, content, contentType, replyTo, Optional.ofNullable(sendFrom));
    }

    /**
     * Returns a copy for another message type (used when a {@code Generic} template stands in for a specific one).
     *
     * @param type the new usage type
     * @return the new template
     */
    public EmailTemplate withUsageType(TemplateType type) {
        return new EmailTemplate(type, subject, content, contentType, replyTo, sendFrom);
    }
}
