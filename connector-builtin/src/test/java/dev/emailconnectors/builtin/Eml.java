package dev.emailconnectors.builtin;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * An {@code .eml} file parsed back with Jakarta Mail, for assertions.
 *
 * @param mime the parsed message
 * @param contentType the top-level content type
 * @param text the text/plain part
 * @param html the text/html part, or null
 * @param to the recipients
 */
record Eml(MimeMessage mime, String contentType, String text, String html, List<String> to) {

    static Eml parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), in);
            String text = null;
            String html = null;
            Object content = mime.getContent();
            if (content instanceof Multipart) {
                Multipart parts = (Multipart) content;
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    } else if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    }
                }
            } else {
                text = (String) content;
            }
            List<String> to = Arrays.stream(mime.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress())
                    .collect(Collectors.toList());
            return new Eml(mime, mime.getContentType(), text, html, to);
        }
    }

    static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var stream = Files.list(dir)) {
            List<Path> out = new ArrayList<>(
                    stream.filter(p -> p.getFileName().toString().endsWith(".eml"))
                            .sorted()
                            .collect(Collectors.toList()));
            return out;
        }
    }

    String subject() throws Exception {
        return mime.getSubject();
    }

    InternetAddress from() throws Exception {
        return (InternetAddress) mime.getFrom()[0];
    }
}
