package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the MIME message for a send: From, To, Reply-To, Subject (RFC 2047 when not ASCII), Date, a Message-ID on
 * the sender's domain, the custom headers, and a UTF-8 body (HTML as multipart/alternative with its plain-text
 * version first). Everything that can fail is checked here, before any connection is used.
 */
final class MessageFactory {
    private static final String UTF_8 = "UTF-8";

    private final SmtpSettings settings;
    private final Function<Boolean, Session> sessions;
    private final Clock clock;

    MessageFactory(SmtpSettings settings, Function<Boolean, Session> sessions, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A message ready for the wire.
     *
     * @param mime the MIME message (headers computed)
     * @param recipients the envelope recipients
     * @param utf8 whether it needs SMTPUTF8
     * @param messageId the Message-ID header value
     */
    record Prepared(MimeMessage mime, Address[] recipients, boolean utf8, String messageId) {}

    Prepared prepare(OutboundMessage message) {
        RenderedEmail email = message.render();
        Mailbox from = email.from(settings.from());
        EmailAddress sender;
        try {
            sender = Addresses.check(from.address());
        } catch (EmailConnectorException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD, "The sender '" + from.address() + "' is not a valid email address");
        }
        EmailAddress to = message.to();
        boolean utf8 = to.requiresSmtpUtf8() || sender.requiresSmtpUtf8();
        String messageId = "<" + message.messageId() + "@" + sender.asciiDomain() + ">";
        try {
            MimeMessage mime = new IdentifiedMessage(sessions.apply(utf8), messageId);
            mime.setSentDate(Date.from(clock.instant()));
            mime.setFrom(Addresses.internet(from));
            Address[] recipients = {Addresses.internet(to)};
            mime.setRecipients(Message.RecipientType.TO, recipients);
            InternetAddress[] replyTo = replyTo(email);
            if (replyTo.length > 0) {
                mime.setReplyTo(replyTo);
            }
            mime.setSubject(email.subject(), UTF_8);
            for (SmtpSettings.Header h : settings.headers()) {
                mime.addHeader(
                        h.name(),
                        MimeUtility.fold(h.name().length() + 2, MimeUtility.encodeText(h.value(), UTF_8, null)));
            }
            if (email.isHtml()) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(email.text(), UTF_8);
                MimeBodyPart html = new MimeBodyPart();
                html.setText(email.content(), UTF_8, "html");
                mime.setContent(new MimeMultipart("alternative", text, html));
            } else {
                mime.setText(email.content(), UTF_8);
            }
            mime.saveChanges();
            return new Prepared(mime, recipients, utf8, messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD, "Could not build the message: " + e.getMessage(), e);
        }
    }

    private InternetAddress[] replyTo(RenderedEmail email) {
        String rendered = email.replyTo().map(String::trim).orElse("");
        String value = rendered.isEmpty() ? settings.replyTo().orElse("") : rendered;
        if (value.isEmpty()) {
            return new InternetAddress[0];
        }
        List<Mailbox> list;
        try {
            list = Addresses.list(value);
        } catch (IllegalArgumentException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The rendered Reply-To " + e.getMessage());
        }
        return list.stream().map(Addresses::internet).toArray(InternetAddress[]::new);
    }

    /** A message whose Message-ID is ours rather than one Jakarta Mail makes up from the local host name. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
