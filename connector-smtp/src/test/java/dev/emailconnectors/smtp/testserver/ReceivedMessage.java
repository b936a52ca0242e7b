package dev.emailconnectors.smtp.testserver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * A message the server accepted.
 *
 * @param session the index of the connection it arrived on
 * @param mailFrom the MAIL FROM argument as sent (for example {@code <a@example.com> SMTPUTF8})
 * @param recipients the RCPT TO arguments as sent
 * @param data the message as sent after DATA, dot-unstuffed, decoded as UTF-8
 */
public record ReceivedMessage(int session, String mailFrom, List<String> recipients, String data) {

    /** Copies the list. */
    public ReceivedMessage {
        recipients = List.copyOf(recipients);
    }

    /**
     * Parses the data as a MIME message.
     *
     * @return the message
     */
    public MimeMessage mime() {
        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true");
        try {
            return new MimeMessage(
                    Session.getInstance(props), new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
        } catch (MessagingException e) {
            throw new IllegalStateException("Not a MIME message", e);
        }
    }
}
