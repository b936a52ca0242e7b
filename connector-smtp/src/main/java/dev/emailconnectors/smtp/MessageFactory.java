package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.RenderedEmail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the MIME message for a send: Date, From, To, Reply-To, Subject (RFC 2047 when not ASCII), a Message-ID on
 * the sender's domain, the custom headers, and a UTF-8 body (HTML as multipart/alternative with its plain-text
 * version first). Everything that can fail is checked here, before any connection is used; the configured sender and
 * reply-to are checked and formatted once.
 */
final class MessageFactory {
    private final SmtpSettings settings;
    private final Function<Boolean, Session> sessions;
    private final Clock clock;
    private final EmailAddress configuredSender;
    private final String configuredReplyTo;

    MessageFactory(SmtpSettings settings, Function<Boolean, Session> sessions, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.clock = clock;
        this.configuredSender = Addresses.check(settings.from().address());
        this.configuredReplyTo =
                settings.replyTo().map(r -> format(Addresses.list(r))).orElse("");
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
        EmailAddress sender = sender(from);
        EmailAddress to = message.to();
        boolean utf8 = to.requiresSmtpUtf8() || sender.requiresSmtpUtf8();
        String messageId = "<" + message.messageId() + "@" + sender.asciiDomain() + ">";
        try {
            MimeMessage mime = new PreparedMessage(sessions.apply(utf8), messageId, MimeBody.of(email));
            mime.setHeader("Date", MimeFormat.date(clock.instant()));
            mime.setHeader("From", MimeFormat.mailbox(from, sender));
            mime.setHeader("To", to.toAscii());
            String replyTo = replyTo(email);
            if (!replyTo.isEmpty()) {
                mime.setHeader("Reply-To", replyTo);
            }
            mime.setHeader("Subject", MimeFormat.text("Subject", email.subject()));
            for (SmtpSettings.Header h : settings.headers()) {
                mime.addHeader(h.name(), MimeFormat.text(h.name(), h.value()));
            }
            mime.saveChanges();
            return new Prepared(mime, new Address[] {Addresses.internet(to)}, utf8, messageId);
        } catch (MessagingException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD, "Could not build the message: " + e.getMessage(), e);
        }
    }

    private EmailAddress sender(Mailbox from) {
        if (from.address().equals(settings.from().address())) {
            return configuredSender;
        }
        try {
            return Addresses.check(from.address());
        } catch (EmailConnectorException e) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_PAYLOAD, "The sender '" + from.address() + "' is not a valid email address");
        }
    }

    private String replyTo(RenderedEmail email) {
        String rendered = email.replyTo().map(String::trim).orElse("");
        if (rendered.isEmpty()) {
            return configuredReplyTo;
        }
        try {
            return format(Addresses.list(rendered));
        } catch (IllegalArgumentException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_PAYLOAD, "The rendered Reply-To " + e.getMessage());
        }
    }

    private static String format(List<Mailbox> list) {
        StringBuilder s = new StringBuilder();
        for (Mailbox m : list) {
            if (s.length() > 0) {
                s.append(",\r\n ");
            }
            s.append(MimeFormat.mailbox(m, Addresses.check(m.address())));
        }
        return s.toString();
    }

    /**
     * A message whose headers and body were formatted by {@link MimeFormat} and {@link MimeBody}: it writes them as
     * they are, with our Message-ID, instead of encoding its content again on every write.
     */
    private static final class PreparedMessage extends MimeMessage {
        private static final byte[] CRLF = {'\r', '\n'};
        private final String id;
        private final MimeBody body;

        PreparedMessage(Session session, String id, MimeBody body) {
            super(session);
            this.id = id;
            this.body = body;
        }

        @Override
        protected void updateHeaders() throws MessagingException {
            setHeader("MIME-Version", "1.0");
            setHeader("Message-ID", id);
            setHeader("Content-Type", body.contentType());
            setHeader("Content-Transfer-Encoding", body.encoding());
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            if (!saved) {
                saveChanges();
            }
            for (Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList); lines.hasMoreElements(); ) {
                os.write(lines.nextElement().getBytes(StandardCharsets.UTF_8));
                os.write(CRLF);
            }
            os.write(CRLF);
            os.write(body.bytes());
        }
    }
}
