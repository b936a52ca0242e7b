package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The SMTP connector against the scripted {@link SmtpPeer}, with a user name and password. */
final class SmtpFixture implements Fixture {
    static final int TIMEOUT_MS = 1500;
    private static final Properties UTF8_HEADERS = new Properties();

    static {
        UTF8_HEADERS.setProperty("mail.mime.allowutf8", "true");
    }

    final SmtpPeer peer = new SmtpPeer();

    @Override
    public String id() {
        return "smtp";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("host", "127.0.0.1")
                .put("port", peer.port())
                .put("fromEmail", "Acme <noreply@example.com>")
                .put("ignoreTLS", true)
                .put("connectionTimeout", TIMEOUT_MS)
                .put("greetingTimeout", TIMEOUT_MS)
                .put("socketTimeout", TIMEOUT_MS);
        c.putObject("auth").put("user", "mailer").put("pass", "smtp-" + secret);
        return Json.withTemplates(c, "contentType");
    }

    @Override
    public List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        for (SmtpPeer.Message m : peer.accepted()) {
            byte[] bytes = m.data().getBytes(StandardCharsets.UTF_8);
            String html = null;
            String text = "";
            String subject = null;
            try {
                MimeMessage mime = new MimeMessage(Session.getInstance(UTF8_HEADERS), new ByteArrayInputStream(bytes));
                subject = mime.getSubject();
                Object content = mime.getContent();
                if (content instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        } else if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        }
                    }
                } else if (mime.isMimeType("text/html")) {
                    html = String.valueOf(content);
                } else {
                    text = String.valueOf(content);
                }
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("unreadable message data", e);
            }
            out.add(new Delivered(
                    m.recipients(),
                    Optional.ofNullable(subject),
                    Optional.ofNullable(html),
                    text,
                    m.data(),
                    BuiltinFixture.headerLines(m.data())));
        }
        return out;
    }

    @Override
    public List<String> wire() {
        return peer.lines().stream()
                .filter(l -> !l.equalsIgnoreCase("QUIT")
                        && !l.toUpperCase(java.util.Locale.ROOT).startsWith("EHLO"))
                .filter(l -> !l.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH") && !l.equals("RSET"))
                .filter(l -> !l.equalsIgnoreCase("NOOP"))
                .toList();
    }

    @Override
    public void failAuthentication() {
        peer.reply("AUTH", "535 5.7.8 Authentication credentials invalid");
    }

    @Override
    public void failWithProviderError(String echo) {
        peer.echoAuth().reply("RCPT", "554 5.7.1 Message refused: " + echo);
    }

    @Override
    public void hang() {
        peer.silent();
    }

    @Override
    public void reset() {
        peer.reset();
    }

    @Override
    public void close() {
        peer.close();
    }

    @Override
    public String toString() {
        return id();
    }
}
