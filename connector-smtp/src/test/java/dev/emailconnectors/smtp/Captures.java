package dev.emailconnectors.smtp;

import dev.emailconnectors.testkit.CapturedMessage;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a received MIME message into what the compatibility kit checks. */
final class Captures {
    private Captures() {}

    static CapturedMessage of(MimeMessage m) {
        try {
            List<String> recipients = new ArrayList<>();
            Address[] to = m.getAllRecipients();
            if (to != null) {
                for (Address a : to) {
                    recipients.add(a.toString());
                }
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements(); ) {
                Header h = e.nextElement();
                headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
            }
            StringBuilder html = new StringBuilder();
            StringBuilder text = new StringBuilder();
            collect(m, html, text);
            return new CapturedMessage(
                    recipients,
                    Optional.ofNullable(m.getSubject()),
                    html.length() == 0 ? Optional.empty() : Optional.of(html.toString()),
                    text.toString(),
                    headers);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the plain-text and HTML content of a message, for assertions */
    static String[] bodies(MimeMessage m) {
        StringBuilder html = new StringBuilder();
        StringBuilder text = new StringBuilder();
        try {
            collect(m, html, text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new String[] {text.toString(), html.toString()};
    }

    private static void collect(Part part, StringBuilder html, StringBuilder text)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart) {
            Multipart mp = (Multipart) content;
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), html, text);
            }
        } else if (part.isMimeType("text/html")) {
            html.append(content);
        } else {
            text.append(content);
        }
    }
}
