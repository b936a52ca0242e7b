package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.spi.ConnectorContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** The built-in service writing {@code .eml} files to an outbox directory (its default delivery). */
final class BuiltinFixture implements Fixture {
    /** Headers may hold raw UTF-8 (RFC 6532), as for a UTF-8 local part. */
    private static final Properties UTF8_HEADERS = new Properties();

    static {
        UTF8_HEADERS.setProperty("mail.mime.allowutf8", "true");
    }

    private final Path outbox;

    BuiltinFixture() {
        try {
            outbox = Files.createTempDirectory("outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String id() {
        return "builtin";
    }

    @Override
    public ObjectNode config(String secret) {
        return Json.object().put("senderName", "Acme").put("appId", "legacy").put("appSecret", "app-" + secret);
    }

    @Override
    public ConnectorContext.Builder context(ConnectorContext.Builder context) {
        return context.operatorSettings("builtin", Json.object().put("outbox", outbox.toString()));
    }

    @Override
    public boolean usesEndpoint() {
        return false;
    }

    @Override
    public boolean canFail() {
        return false;
    }

    @Override
    public List<Delivered> delivered() {
        List<Delivered> out = new ArrayList<>();
        for (Path file : files()) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                MimeMessage mime = new MimeMessage(Session.getInstance(UTF8_HEADERS), new ByteArrayInputStream(bytes));
                String text = "";
                String html = null;
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
                } else {
                    text = String.valueOf(content);
                }
                List<String> to = new ArrayList<>();
                for (var a : mime.getAllRecipients()) {
                    to.add(((InternetAddress) a).getAddress());
                }
                out.add(new Delivered(
                        to,
                        Optional.ofNullable(mime.getSubject()),
                        Optional.ofNullable(html),
                        text,
                        new String(bytes, StandardCharsets.UTF_8),
                        headerLines(new String(bytes, StandardCharsets.UTF_8))));
            } catch (IOException | jakarta.mail.MessagingException e) {
                throw new IllegalStateException("unreadable outbox file " + file, e);
            }
        }
        return out;
    }

    /** @return the header lines of a MIME message as written (folded lines kept apart) */
    static List<String> headerLines(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        return List.of(head.split("\r\n"));
    }

    @Override
    public List<String> wire() {
        return delivered().stream().map(Delivered::raw).toList();
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void failAuthentication() {
        throw new UnsupportedOperationException("an outbox has no credentials");
    }

    @Override
    public void failWithProviderError(String echo) {
        throw new UnsupportedOperationException("an outbox does not refuse messages");
    }

    @Override
    public void hang() {
        throw new UnsupportedOperationException("an outbox does not hang");
    }

    @Override
    public void reset() {
        for (Path file : files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        reset();
        try {
            Files.deleteIfExists(outbox);
        } catch (IOException e) {
            // a stray file; the temporary directory is left behind
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
