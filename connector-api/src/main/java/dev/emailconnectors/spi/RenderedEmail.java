package dev.emailconnectors.spi;

import dev.emailconnectors.ContentType;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.TemplateType;
import java.util.Objects;
import java.util.Optional;

/**
 * A template rendered with a payload, ready to go on the wire. The subject, reply-to and sender are single lines
 * (control characters removed); HTML content has its values escaped and comes with a derived plain-text version.
 *
 * @param usageType the type of the template that was rendered (for example {@code Generic} when it stood in)
 * @param subject the rendered subject
 * @param contentType the content type of {@link #content()}
 * @param content the rendered body
 * @param text the plain-text body: the content itself, or derived from the HTML (links kept as {@code text (url)})
 * @param replyTo the rendered reply-to, if the template has one
 * @param sendFrom the rendered sender override, if the template has one
 */
public record RenderedEmail(
        TemplateType usageType,
        String subject,
        ContentType contentType,
        String content,
        String text,
        Optional<String> replyTo,
        Optional<String> sendFrom) {

    /** Checks that no component is null. */
    public RenderedEmail {
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(sendFrom, "sendFrom");
    }

    /** @return the HTML body, when the content is HTML */
    public Optional<String> html() {
        return contentType == ContentType.TEXT_HTML ? Optional.of(content) : Optional.empty();
    }

    /** @return true when the content is HTML */
    public boolean isHtml() {
        return contentType == ContentType.TEXT_HTML;
    }

    /**
     * Returns the sender: the template's {@code sendFrom} interpreted as Logto does ({@code "Name <addr>"}, a bare
     * address, or a display name for the configured address), or the configured sender when the template has none.
     *
     * @param configured the connector's configured sender
     * @return the sender to use
     */
    public Mailbox from(Mailbox configured) {
        return sendFrom.map(s -> Mailbox.parseSendFrom(s, configured)).orElse(configured);
    }
}
