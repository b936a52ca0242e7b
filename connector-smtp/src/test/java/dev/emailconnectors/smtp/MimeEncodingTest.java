package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.RenderedEmail;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MIME encoding, read back by Jakarta Mail's parser")
class MimeEncodingTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    @ParameterizedTest(name = "body \"{0}\" survives the round trip")
    @ValueSource(
            strings = {
                "Your code is 123456.",
                "Votre code : 123456 — à bientôt",
                "コードは 123456 です。ご利用ありがとうございます。",
                ".a line that starts with a dot\nand =equals= signs\r\nand CR LF",
            })
    void plainBodies(String text) throws Exception {
        MimeMessage parsed = parse(MimeBody.of(email(ContentType.TEXT_PLAIN, text, text)), "Subject");
        assertThat(parsed.getContent().toString().replace("\r\n", "\n")).isEqualTo(text.replace("\r\n", "\n"));
    }

    @Test
    @DisplayName("a line longer than 998 octets is encoded rather than sent as 7bit")
    void longLine() throws Exception {
        String text = "x".repeat(2000);
        MimeBody body = MimeBody.of(email(ContentType.TEXT_PLAIN, text, text));
        assertThat(body.encoding()).isNotEqualTo("7bit");
        assertThat(parse(body, "s").getContent()).isEqualTo(text);
    }

    @Test
    @DisplayName("HTML is multipart/alternative: text first, then HTML, both UTF-8")
    void html() throws Exception {
        String html = "<p>Código <b>987654</b> — ünïcödé</p>";
        MimeMessage parsed = parse(MimeBody.of(email(ContentType.TEXT_HTML, html, "Código 987654 — ünïcödé")), "s");
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Código 987654 — ünïcödé");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(html);
    }

    @ParameterizedTest(name = "subject \"{0}\" decodes to itself")
    @ValueSource(
            strings = {
                "Your sign-in code",
                "Votre code de connexion é",
                "ログインコードのお知らせ、ログインコードのお知らせ、ログインコードのお知らせ",
                "emoji 🔐 across a word boundary 🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐🔐",
            })
    void subjects(String subject) throws Exception {
        String header = MimeFormat.text("Subject", subject);
        assertThat(header.lines()).allMatch(l -> l.length() <= 78);
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(header))).isEqualTo(subject);
    }

    @ParameterizedTest(name = "display name \"{0}\" parses back")
    @ValueSource(strings = {"Example App", "Example, Inc.", "Say \"hi\"", "Société Générale", "例え"})
    void displayNames(String name) throws Exception {
        String header = MimeFormat.mailbox(
                Mailbox.of(name, "noreply@bücher.example"), EmailAddress.parse("noreply@bücher.example"));
        InternetAddress parsed = InternetAddress.parseHeader(MimeUtility.unfold(header), true)[0];
        assertThat(parsed.getPersonal()).isEqualTo(name);
        assertThat(parsed.getAddress()).isEqualTo("noreply@xn--bcher-kva.example");
    }

    @Test
    @DisplayName("dates are RFC 5322")
    void date() throws Exception {
        String date = MimeFormat.date(Instant.parse("2026-06-03T11:05:30Z"));
        assertThat(date).isEqualTo("Wed, 3 Jun 2026 11:05:30 +0000");
        assertThat(new jakarta.mail.internet.MailDateFormat().parse(date).toInstant())
                .isEqualTo(Instant.parse("2026-06-03T11:05:30Z"));
    }

    private static RenderedEmail email(ContentType type, String content, String text) {
        return new RenderedEmail(TemplateType.GENERIC, "s", type, content, text, Optional.empty(), Optional.empty());
    }

    private static MimeMessage parse(MimeBody body, String subject) throws Exception {
        String headers = "Subject: " + subject + "\r\nMIME-Version: 1.0\r\nContent-Type: " + body.contentType()
                + "\r\nContent-Transfer-Encoding: " + body.encoding() + "\r\n\r\n";
        byte[] head = headers.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.bytes().length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body.bytes(), 0, all, head.length, body.bytes().length);
        return new MimeMessage(SESSION, new ByteArrayInputStream(all));
    }
}
