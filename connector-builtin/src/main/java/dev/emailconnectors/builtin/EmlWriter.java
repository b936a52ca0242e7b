package dev.emailconnectors.builtin;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Turns a rendered message into RFC 5322 bytes with Jakarta Mail: UTF-8 throughout; {@code multipart/alternative}
 * (plain text, then HTML) for HTML content, a single {@code text/plain} part otherwise.
 */
final class EmlWriter {
    private static final Session SESSION = Session.getInstance(new Properties());

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
        Mailbox from = email.from(configured);
        String domain = from.address().substring(from.address().lastIndexOf('@') + 1);
        String messageId = "<" + message.messageId() + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
        try {
            MimeMessage mime = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mime.setFrom(address(from));
            InternetAddress to = new InternetAddress();
            to.setAddress(message.to().toAscii());
            mime.setRecipient(Message.RecipientType.TO, to);
            if (email.replyTo().isPresent()) {
                mime.setReplyTo(replyTo(email.replyTo().get()));
            }
            mime.setSubject(email.subject(), "UTF-8");
            mime.setSentDate(Date.from(date));
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Email-Connectors-Type", message.type().wireName());
            if (email.isHtml()) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(email.text(), "plain"));
                alternative.addBodyPart(part(email.content(), "html"));
                mime.setContent(alternative);
            } else {
                mime.setText(email.text(), "UTF-8", "plain");
            }
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD, "The message could not be encoded: " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static InternetAddress address(Mailbox mailbox) throws UnsupportedEncodingException {
        InternetAddress a = new InternetAddress(
                mailbox.address(), mailbox.displayName().orElse(null), StandardCharsets.UTF_8.name());
        return a;
    }

    private static InternetAddress[] replyTo(String value) {
        try {
            return InternetAddress.parse(value, true);
        } catch (AddressException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG, "The template's reply-to is not an email address: " + e.getMessage(), e);
        }
    }
}
