package dev.emailconnectors;

import java.util.Objects;
import java.util.Optional;

/**
 * A message the host rendered itself (an authentication server with its own template engine and themes, such as
 * Keycloak): the final subject, plain text and HTML, sent as given. No template is looked up and nothing in it is
 * treated as a placeholder, so a {@code {{...}}} in a user's name stays text.
 *
 * <pre>{@code
 * SendRequest request = SendRequest.builder(TemplateType.FORGOT_PASSWORD, "user@example.com", Payload.empty())
 *         .content(RenderedContent.of("Reset your password", text, html))
 *         .build();
 * }</pre>
 *
 * <p>The rules for header values still hold and are checked when the request is sent, before any I/O: a subject,
 * reply-to or sender holding a control character (CR, LF, NUL, …) is refused with {@link ErrorCode#INVALID_PAYLOAD}
 * rather than repaired, since the host produced it and a line break there is a bug or an injection attempt. The HTML
 * is the host's own markup and is not escaped again; values the host put into it must already be escaped. When only
 * HTML is given, connectors that send a plain-text part derive it from the HTML (links kept as {@code text (url)}).
 *
 * @param subject the subject, one line
 * @param text the plain-text body, if any
 * @param html the HTML body, if any (at least one of the two is present)
 * @param replyTo a reply-to address ({@code "Name <addr>"} or an address), if any
 * @param sendFrom a sender as a template's {@code sendFrom} is read ({@code "Name <addr>"}, an address, or a display
 *     name for the connector's configured address), if any
 */
public record RenderedContent(
        String subject,
        Optional<String> text,
        Optional<String> html,
        Optional<String> replyTo,
        Optional<String> sendFrom) {

    /** Checks that no component is null and that there is a body. */
    public RenderedContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(sendFrom, "sendFrom");
        if (text.isEmpty() && html.isEmpty()) {
            throw new IllegalArgumentException("Rendered content needs a text or an HTML body");
        }
    }

    /**
     * Creates content with a text body, an HTML body, or both.
     *
     * @param subject the subject
     * @param text the plain-text body, or null
     * @param html the HTML body, or null
     * @return the content
     * @throws IllegalArgumentException when both bodies are null
     */
    public static RenderedContent of(String subject, String text, String html) {
        return new RenderedContent(
                subject, Optional.ofNullable(text), Optional.ofNullable(html), Optional.empty(), Optional.empty());
    }

    /**
     * Returns a copy with a reply-to address.
     *
     * @param replyTo the address ({@code "Name <addr>"} or an address), or null for none
     * @return the new content
     */
    public RenderedContent withReplyTo(String replyTo) {
        return new RenderedContent(subject, text, html, Optional.ofNullable(replyTo), sendFrom);
    }

    /**
     * Returns a copy with a sender override.
     *
     * @param sendFrom {@code "Name <addr>"}, an address, or a display name for the configured address; null for none
     * @return the new content
     */
    public RenderedContent withSendFrom(String sendFrom) {
        return new RenderedContent(subject, text, html, replyTo, Optional.ofNullable(sendFrom));
    }

    /** @return a summary without the bodies, which may hold one-time codes and links */
    @Override
    public String toString() {
        return "RenderedContent{text=" + text.isPresent() + ", html=" + html.isPresent() + "}";
    }
}
