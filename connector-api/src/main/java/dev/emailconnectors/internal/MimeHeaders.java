package dev.emailconnectors.internal;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.Mailbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Header values in RFC 5322 form: folded at 76 characters where there is whitespace, RFC 2047 encoded words
 * ({@code =?UTF-8?B?…?=}) for non-ASCII text and for runs too long to fold, quoted display names, and RFC 5322 dates.
 * Internal: not exported.
 */
public final class MimeHeaders {
    /** UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, 64 with the {@code =?UTF-8?B??=} frame. */
    private static final int WORD_BYTES = 39;
    /** RFC 5322 recommends lines of at most 78 characters; folding aims at 76 like Jakarta Mail. */
    private static final int LINE = 76;
    /** A run of this many characters without whitespace cannot be folded under the 998-octet line limit. */
    private static final int LONGEST_RUN = 900;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private MimeHeaders() {}

    /**
     * Formats an unstructured header value (Subject, custom headers).
     *
     * @param name the header name, for the folding position
     * @param value the value, one line
     * @return the value, folded, encoded when not ASCII or not foldable
     */
    public static String text(String name, String value) {
        return isAscii(value) && longestRun(value) < LONGEST_RUN ? fold(name.length() + 2, value) : encodedWords(value);
    }

    /**
     * Formats a mailbox: {@code address}, {@code "Name" <address>} or {@code =?UTF-8?B?…?= <address>}.
     *
     * @param mailbox the mailbox
     * @param address the checked address (its domain goes out in punycode)
     * @return the header form
     */
    public static String mailbox(Mailbox mailbox, EmailAddress address) {
        return mailbox(mailbox, address.toAscii());
    }

    /**
     * Formats a mailbox with its address as given.
     *
     * @param mailbox the mailbox (for its display name)
     * @param wire the address as it goes into the header
     * @return the header form
     */
    public static String mailbox(Mailbox mailbox, String wire) {
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
    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    /**
     * Tells whether a string is ASCII.
     *
     * @param s the string
     * @return true when every character is below 128
     */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds a value at whitespace so that lines stay within 76 characters where possible (RFC 5322 section 2.2.3).
     *
     * @param used the characters already on the first line (the header name and ": ")
     * @param value the value
     * @return the folded value, lines separated by CRLF and the whitespace that follows
     */
    static String fold(int used, String value) {
        if (used + value.length() <= LINE) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        int start = 0;
        int room = LINE - used;
        while (value.length() - start > room) {
            int cut = -1;
            for (int i = Math.min(value.length() - 1, start + room); i > start; i--) {
                if (isBlank(value.charAt(i))) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) { // a word longer than the line: break after it
                for (int i = start + room + 1; i < value.length(); i++) {
                    if (isBlank(value.charAt(i))) {
                        cut = i;
                        break;
                    }
                }
            }
            if (cut < 0) {
                break;
            }
            out.append(value, start, cut).append("\r\n");
            start = cut; // the whitespace starts the continuation line
            room = LINE;
        }
        return out.append(value, start, value.length()).toString();
    }

    /** Encodes text as base64 encoded words of whole characters, one per folded line. */
    static String encodedWords(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        byte[] chunk = new byte[WORD_BYTES + 4];
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = utf8(cp, chunk, used);
            if (used + n > WORD_BYTES) {
                word(out, chunk, used);
                System.arraycopy(chunk, used, chunk, 0, n);
                used = 0;
            }
            used += n;
            i += Character.charCount(cp);
        }
        if (used > 0 || out.length() == 0) {
            word(out, chunk, used);
        }
        return out.toString();
    }

    /** Writes a code point as UTF-8 at {@code at}; returns the byte count. */
    private static int utf8(int cp, byte[] into, int at) {
        if (cp < 0x80) {
            into[at] = (byte) cp;
            return 1;
        }
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return bytes.length;
    }

    private static void word(StringBuilder out, byte[] chunk, int length) {
        if (out.length() > 0) {
            out.append("\r\n ");
        }
        byte[] part = java.util.Arrays.copyOf(chunk, length);
        out.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(part))
                .append("?=");
    }

    private static int longestRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = isBlank(s.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
