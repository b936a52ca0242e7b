package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Header values in RFC 5322 form: folded, with RFC 2047 encoded words ({@code =?UTF-8?B?…?=}) for non-ASCII text,
 * quoted display names, and RFC 5322 dates. Done here rather than with Jakarta Mail's {@code MimeUtility}, which in
 * version 2.1 scans the class path with {@link java.util.ServiceLoader} for every encoded word.
 */
final class MimeFormat {
    /** UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, 64 with the {@code =?UTF-8?B??=} frame. */
    private static final int WORD_BYTES = 39;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private MimeFormat() {}

    /**
     * Formats an unstructured header value (Subject, custom headers).
     *
     * @param name the header name, for the folding position
     * @param value the value, one line
     * @return the value, folded, encoded when not ASCII
     */
    static String text(String name, String value) {
        return isAscii(value) ? MimeUtility.fold(name.length() + 2, value) : encodedWords(value);
    }

    /**
     * Formats a mailbox: {@code address}, {@code "Name" <address>} or {@code =?UTF-8?B?…?= <address>}.
     *
     * @param mailbox the mailbox
     * @param address the checked address (its domain goes out in punycode)
     * @return the header form
     */
    static String mailbox(Mailbox mailbox, EmailAddress address) {
        String wire = address.toAscii();
        if (mailbox.displayName().isEmpty()) {
            return wire;
        }
        String name = mailbox.displayName().get();
        if (!isAscii(name)) {
            return encodedWords(name) + " <" + wire + ">";
        }
        boolean plain = name.chars().allMatch(c -> c == ' ' || (c > 0x20 && c < 0x7f && SPECIALS.indexOf(c) < 0));
        return (plain ? name : quote(name)) + " <" + wire + ">";
    }

    /**
     * Formats a date as RFC 5322 does ({@code Tue, 3 Jun 2008 11:05:30 +0000}).
     *
     * @param instant the time
     * @return the date
     */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Encodes text as base64 encoded words of whole characters, one per folded line. */
    static String encodedWords(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        byte[] chunk = new byte[WORD_BYTES + 4];
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (used + bytes.length > WORD_BYTES) {
                word(out, chunk, used);
                used = 0;
            }
            System.arraycopy(bytes, 0, chunk, used, bytes.length);
            used += bytes.length;
            i += Character.charCount(cp);
        }
        if (used > 0 || out.length() == 0) {
            word(out, chunk, used);
        }
        return out.toString();
    }

    private static void word(StringBuilder out, byte[] chunk, int length) {
        if (out.length() > 0) {
            out.append("\r\n ");
        }
        byte[] part = Arrays.copyOf(chunk, length);
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(part))
                .append("?=");
    }

    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
