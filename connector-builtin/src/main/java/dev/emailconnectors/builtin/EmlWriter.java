package dev.emailconnectors.builtin;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.MimeEmail;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import java.time.Instant;

/**
 * Turns a rendered message into RFC 5322 bytes with the shared {@link MimeEmail} writer (the one every connector
 * uses): UTF-8 throughout; {@code multipart/alternative} (plain text, then HTML) for HTML content, a single
 * {@code text/plain} part otherwise; marked {@code Auto-Submitted: auto-generated} (RFC 3834) with the message type.
 */
final class EmlWriter {
    private EmlWriter() {}

    /**
     * Writes one message.
     *
     * @param message the outbound message (recipient, id, type)
     * @param email its rendered content
     * @param configured the sender address; the template's {@code sendFrom} may add a display name
     * @param date the date header
     * @return the message bytes
     */
    static byte[] write(OutboundMessage message, RenderedEmail email, Mailbox configured, Instant date) {
        MimeEmail.Builder mime = MimeEmail.builder()
                .date(date)
                .from(email.from(configured))
                .to(message.to())
                .messageId(message.messageId())
                .subject(email.subject())
                .header("Auto-Submitted", "auto-generated")
                .header("X-Email-Connectors-Type", message.type().wireName())
                .body(email);
        if (email.replyTo().isPresent() && !email.replyTo().get().isBlank()) {
            try {
                mime.replyTo(MimeEmail.addressList(email.replyTo().get()));
            } catch (IllegalArgumentException e) {
                throw new EmailConnectorException(
                        ErrorCode.INVALID_CONFIG, "The template's reply-to " + e.getMessage(), e);
            }
        }
        return mime.build().toByteArray();
    }
}
