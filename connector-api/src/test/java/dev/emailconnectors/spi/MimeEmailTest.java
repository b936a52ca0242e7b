package dev.emailconnectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Mailbox;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("MimeEmail, read back by Jakarta Mail's parser")
class MimeEmailTest {
    private static final Session SESSION = session();
    private static final EmailAddress TO = EmailAddress.parse("user@bücher.example");

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(p);
    }

    private static MimeEmail.Builder base() {
        return MimeEmail.builder()
                .date(Instant.parse("2026-06-03T11:05:30Z"))
                .from(Mailbox.of("Example App", "noreply@example.com"))
                .to(TO)
                .messageId("msg_1")
                .subject("Your code");
    }

    private static MimeMessage parse(MimeEmail mime) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(mime.toByteArray()));
    }

    private static List<String> lines(MimeEmail mime) {
        return new String(mime.toByteArray(), StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest(name = "body \"{0}\" survives the round trip")
    @ValueSource(
            strings = {
                "Your code is 123456.",
                "Votre code : 123456 — à bientôt",
                "コードは 123456 です。ご利用ありがとうございます。",
                ".a line that starts with a dot\nand =equals= signs\r\nand CR LF",
                "trailing spaces   \nand a tab\t\nend",
            })
    void plainBodies(String text) throws Exception {
        MimeEmail mime = base().text(text).build();
        assertThat(parse(mime).getContent().toString().replace("\r\n", "\n")).isEqualTo(text.replace("\r\n", "\n"));
        assertThat(lines(mime)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(998));
    }

    @Test
    @DisplayName("quoted-printable lines stay within 76 characters and decode to the text")
    void quotedPrintable() throws Exception {
        String text = ("Ünïcödé mostly ASCII text with = signs and long lines " + "x".repeat(20)).repeat(8);
        MimeEmail mime = base().text(text).build();
        String raw = new String(mime.toByteArray(), StandardCharsets.US_ASCII);
        assertThat(raw).contains("Content-Transfer-Encoding: quoted-printable");
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(body.split("\r\n")).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(76));
        assertThat(parse(mime).getContent()).isEqualTo(text);
    }

    @Test
    @DisplayName("a line longer than 998 octets is encoded rather than sent as 7bit")
    void longLine() throws Exception {
        String text = "x".repeat(2000);
        MimeEmail mime = base().text(text).build();
        assertThat(parse(mime).getHeader("Content-Transfer-Encoding")[0]).isNotEqualTo("7bit");
        assertThat(parse(mime).getContent()).isEqualTo(text);
    }

    @Test
    @DisplayName("HTML is multipart/alternative: text first, then HTML, both UTF-8")
    void html() throws Exception {
        String html = "<p>Código <b>987654</b> — ünïcödé</p>";
        MimeMessage parsed = parse(base().html(html, "Código 987654 — ünïcödé").build());
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
                "a long ASCII subject that goes on and on well past the seventy-six characters of one line",
            })
    void subjects(String subject) throws Exception {
        MimeEmail mime = base().subject(subject).text("x").build();
        assertThat(parse(mime).getSubject()).isEqualTo(subject);
        assertThat(lines(mime)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(78));
    }

    @Test
    @DisplayName("a subject without whitespace longer than a header line is encoded, not left over-long")
    void unfoldableSubject() throws Exception {
        String subject = "y".repeat(1500);
        MimeEmail mime = base().subject(subject).text("x").build();
        assertThat(parse(mime).getSubject()).isEqualTo(subject);
        assertThat(lines(mime)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(998));
    }

    @ParameterizedTest(name = "display name \"{0}\" parses back")
    @ValueSource(strings = {"Example App", "Example, Inc.", "Say \"hi\"", "Société Générale", "例え"})
    void displayNames(String name) throws Exception {
        MimeMessage parsed = parse(base().from(Mailbox.of(name, "noreply@bücher.example"))
                .text("x")
                .build());
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo(name);
        assertThat(from.getAddress()).isEqualTo("noreply@xn--bcher-kva.example");
    }

    @Test
    @DisplayName("headers in order; Message-ID on the sender's domain; recipient domain in punycode; RFC 5322 date")
    void headers() throws Exception {
        MimeEmail mime = base().replyTo("Support <help@example.com>, ops@example.com")
                .header("X-Campaign", "otp")
                .header("X-Campaign", "second")
                .text("x")
                .build();
        assertThat(mime.messageId()).isEqualTo("<msg_1@example.com>");
        assertThat(mime.requiresSmtpUtf8()).isFalse();
        assertThat(lines(mime).subList(0, 11))
                .containsExactly(
                        "Date: Wed, 3 Jun 2026 11:05:30 +0000",
                        "From: Example App <noreply@example.com>",
                        "To: user@xn--bcher-kva.example",
                        "Reply-To: Support <help@example.com>,",
                        " ops@example.com",
                        "Message-ID: <msg_1@example.com>",
                        "Subject: Your code",
                        "MIME-Version: 1.0",
                        "X-Campaign: otp",
                        "X-Campaign: second",
                        "Content-Type: text/plain; charset=UTF-8");
        MimeMessage parsed = parse(mime);
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-06-03T11:05:30Z"));
        assertThat(parsed.getReplyTo())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("help@example.com", "ops@example.com");
    }

    @Test
    @DisplayName("a UTF-8 local part goes into the header as UTF-8 and makes the message need SMTPUTF8")
    void utf8Recipient() throws Exception {
        MimeEmail mime =
                base().to(EmailAddress.parse("josé@example.com")).text("x").build();
        assertThat(mime.requiresSmtpUtf8()).isTrue();
        assertThat(lines(mime)).contains("To: josé@example.com");
    }

    @Test
    @DisplayName("custom headers: reserved names, bad names and control characters (CR, LF, NUL, other C0) are refused")
    void customHeaderRules() {
        for (String name : List.of("From", "content-type", "Bad Name", "X:Y", "")) {
            assertThatThrownBy(() -> base().header(name, "v")).isInstanceOf(IllegalArgumentException.class);
        }
        for (String value :
                List.of("a\r\nBcc: x@evil.test", "a\nb", "nul\0byte", "bell\u0007", "esc\u001b", "del\u007f")) {
            assertThatThrownBy(() -> base().header("X-Test", value)).isInstanceOf(IllegalArgumentException.class);
            assertThat(MimeEmail.isHeaderValue(value)).isFalse();
        }
        assertThat(MimeEmail.isHeaderValue("tab\tis fine, ünïcödé too")).isTrue();
    }

    @Test
    @DisplayName("an invalid sender or reply-to is INVALID_PAYLOAD")
    void invalidAddresses() {
        assertThatThrownBy(() ->
                        base().from(Mailbox.of("not an address")).text("x").build())
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD));
        assertThatThrownBy(() -> base().replyTo("nobody"))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD));
    }

    @Test
    @DisplayName("address lists: names, quotes, comments; malformed lists say why")
    void addressLists() {
        assertThat(MimeEmail.addressList("\"Example, Inc.\" <help@example.com>, ops@example.com (night shift),"))
                .containsExactly(Mailbox.of("Example, Inc.", "help@example.com"), Mailbox.of("ops@example.com"));
        assertThat(MimeEmail.addressList("\"x,attacker@evil.test,y\"@victim.test"))
                .containsExactly(Mailbox.of("\"x,attacker@evil.test,y\"@victim.test"));
        assertThatThrownBy(() -> MimeEmail.addressList(" , ")).hasMessage("holds no email address");
        assertThatThrownBy(() -> MimeEmail.addressList("a@example.com, nope"))
                .hasMessage("holds 'nope', which is not a valid email address");
        for (String bad : List.of("<a@example.com", "\"open <a@example.com>", "group: a@example.com;", "a@b.c\0")) {
            assertThatThrownBy(() -> MimeEmail.addressList(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("is not a list of email addresses");
        }
    }
}
