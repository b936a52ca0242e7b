package dev.emailconnectors.internal;

import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.RenderedEmail;
import java.util.Optional;

/**
 * Content the host rendered itself, checked and ready: the template that stands for it in template selection, and
 * the rendered message connectors send. Header values with control characters are refused, not repaired.
 */
final class HostContent {
    private final EmailTemplate template;
    private final RenderedEmail rendered;

    private HostContent(EmailTemplate template, RenderedEmail rendered) {
        this.template = template;
        this.rendered = rendered;
    }

    /**
     * Checks the content's header values and prepares it.
     *
     * @param type the message type
     * @param content the host's content
     * @return the prepared content
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_PAYLOAD} when a header value holds a control
     *     character
     */
    static HostContent of(TemplateType type, RenderedContent content) {
        String subject = oneLine("subject", content.subject());
        Optional<String> replyTo = content.replyTo().map(v -> oneLine("reply-to", v));
        Optional<String> sendFrom = content.sendFrom().map(v -> oneLine("sender", v));
        boolean html = content.html().isPresent();
        String body = content.html().orElseGet(() -> content.text().orElseThrow());
        String text = content.text().orElseGet(() -> HtmlText.toText(body));
        ContentType contentType = html ? ContentType.TEXT_HTML : ContentType.TEXT_PLAIN;
        EmailTemplate template = new EmailTemplate(type, subject, body, contentType, replyTo, sendFrom);
        RenderedEmail rendered = new RenderedEmail(type, subject, contentType, body, text, replyTo, sendFrom);
        return new HostContent(template, rendered);
    }

    private static String oneLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new EmailConnectorException(
                        ErrorCode.INVALID_PAYLOAD,
                        String.format(
                                "The host-rendered %s contains the control character U+%04X at index %d; a header"
                                        + " value must be one line",
                                what, (int) c, i));
            }
        }
        return value.trim();
    }

    /** @return the template standing for the content in template selection */
    EmailTemplate template() {
        return template;
    }

    /** @return the content as connectors send it */
    RenderedEmail rendered() {
        return rendered;
    }
}
