package dev.emailconnectors.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The encoded body of a message: plain text, or multipart/alternative with the plain text first and the HTML second,
 * each part UTF-8 in 7bit (ASCII with short lines), quoted-printable (mostly ASCII) or base64 (mostly not), the rule
 * Jakarta Mail uses. Every byte is ASCII, so the body needs neither 8BITMIME nor SMTPUTF8. Internal: not exported.
 *
 * @param contentType the Content-Type header value
 * @param encoding the Content-Transfer-Encoding header value
 * @param bytes the body, lines ending in CRLF
 */
public record MimeBody(String contentType, String encoding, byte[] bytes) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_7BIT_LINE = 998;
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";

    /**
     * Encodes a body.
     *
     * @param text the plain text
     * @param html the HTML, or null for a plain-text message
     * @return the body
     */
    public static MimeBody of(String text, String html) {
        if (html == null) {
            return part(TEXT, text);
        }
        MimeBody plain = part(TEXT, text);
        MimeBody rich = part(HTML, html);
        String boundary = boundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.bytes.length + rich.bytes.length + 512);
        for (MimeBody p : new MimeBody[] {plain, rich}) {
            ascii(
                    out,
                    "--" + boundary + "\r\nContent-Type: " + p.contentType + "\r\nContent-Transfer-Encoding: "
                            + p.encoding + "\r\n\r\n");
            out.writeBytes(p.bytes);
            ascii(out, "\r\n");
        }
        ascii(out, "--" + boundary + "--\r\n");
        return new MimeBody("multipart/alternative; boundary=\"" + boundary + "\"", "7bit", out.toByteArray());
    }

    private static MimeBody part(String contentType, String content) {
        byte[] utf8 = crlf(content).getBytes(StandardCharsets.UTF_8);
        int nonAscii = 0;
        int line = 0;
        int longest = 0;
        for (byte b : utf8) {
            if (b < 0) {
                nonAscii++;
            }
            line = b == '\n' ? 0 : line + 1;
            longest = Math.max(longest, line);
        }
        if (nonAscii == 0 && longest <= MAX_7BIT_LINE) {
            return new MimeBody(contentType, "7bit", utf8);
        }
        if (nonAscii * 2 > utf8.length) {
            return new MimeBody(contentType, "base64", Base64.getMimeEncoder().encode(utf8));
        }
        return new MimeBody(contentType, "quoted-printable", QuotedPrintable.encode(utf8));
    }

    /** Normalizes line ends to CRLF; a lone CR or LF becomes CRLF. */
    private static String crlf(String s) {
        if (s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static String boundary() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return "=_alt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
