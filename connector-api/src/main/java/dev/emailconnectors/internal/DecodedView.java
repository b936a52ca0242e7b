package dev.emailconnectors.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One decoding of a text (URL, JSON or HTML escapes undone, or whitespace dropped), with, for each decoded character,
 * the span of the original text it came from, so that a secret found in the decoded text is masked where it was
 * written.
 */
final class DecodedView {
    private final StringBuilder decoded;
    private final int[] from;
    private final int[] to;
    private int length;

    private DecodedView(int capacity) {
        this.decoded = new StringBuilder(capacity);
        this.from = new int[capacity];
        this.to = new int[capacity];
    }

    /** @return the decoded text */
    String text() {
        return decoded.toString();
    }

    /** @return the start, in the original text, of the decoded character {@code i} */
    int start(int i) {
        return from[i];
    }

    /** @return the end, in the original text, of the decoded characters before {@code end} */
    int end(int end) {
        return to[end - 1];
    }

    private void add(char c, int start, int end) {
        decoded.append(c);
        from[length] = start;
        to[length] = end;
        length++;
    }

    /** Percent-escapes and {@code +} (as in forms and query strings); null when the text has neither. */
    static DecodedView percent(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return null;
        }
        DecodedView v = new DecodedView(s.length());
        int i = 0;
        while (i < s.length()) {
            int b = escapedByte(s, i);
            if (b >= 0 && b < 0x80) {
                v.add((char) b, i, i + 3); // ASCII: one character per escape, masked precisely
                i += 3;
            } else if (b >= 0x80) {
                int start = i;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while ((b = escapedByte(s, i)) >= 0x80) {
                    bytes.write(b);
                    i += 3;
                }
                String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
                for (int k = 0; k < text.length(); k++) {
                    v.add(text.charAt(k), start, i); // a multi-byte run maps to its whole span
                }
            } else {
                char c = s.charAt(i);
                v.add(c == '+' ? ' ' : c, i, i + 1);
                i++;
            }
        }
        return v;
    }

    private static int escapedByte(String s, int i) {
        if (i < s.length() && s.charAt(i) == '%' && hexAt(s, i + 1) >= 0 && hexAt(s, i + 2) >= 0) {
            return hexAt(s, i + 1) * 16 + hexAt(s, i + 2);
        }
        return -1;
    }

    /** JSON string escapes ({@code \"}, {@code \\}, {@code \/}, {@code \n}, {@code \u00e9}…); null without them. */
    static DecodedView json(String s) {
        if (s.indexOf('\\') < 0) {
            return null;
        }
        DecodedView v = new DecodedView(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                if (e == 'u' && i + 5 < s.length() && isHex4(s, i + 2)) {
                    v.add((char) Integer.parseInt(s.substring(i + 2, i + 6), 16), i, i + 6);
                    i += 6;
                    continue;
                }
                char decoded =
                        switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> e; // \" \\ \/ and anything else a lenient writer escapes
                        };
                v.add(decoded, i, i + 2);
                i += 2;
            } else {
                v.add(c, i, i + 1);
                i++;
            }
        }
        return v;
    }

    /** HTML character references ({@code &quot;}, {@code &#34;}, {@code &#x22;}, {@code &amp;}…); null without. */
    static DecodedView html(String s) {
        if (s.indexOf('&') < 0) {
            return null;
        }
        DecodedView v = new DecodedView(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            Character decoded = semi > i && semi - i <= 10 ? entity(s.substring(i + 1, semi)) : null;
            if (decoded != null) {
                v.add(decoded, i, semi + 1);
                i = semi + 1;
            } else {
                v.add(c, i, i + 1);
                i++;
            }
        }
        return v;
    }

    /** The text without whitespace: finds secrets whose spaces were collapsed, or that were folded over lines. */
    static DecodedView withoutWhitespace(String s) {
        DecodedView v = new DecodedView(s.length());
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                any = true;
            } else {
                v.add(c, i, i + 1);
            }
        }
        return any ? v : null;
    }

    private static Character entity(String name) {
        switch (name) {
            case "quot":
                return '"';
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "apos":
                return '\'';
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return (char) Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return (char) Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static boolean isHex4(String s, int at) {
        for (int k = at; k < at + 4; k++) {
            if (hexAt(s, k) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hexAt(String s, int i) {
        return i < s.length() ? Character.digit(s.charAt(i), 16) : -1;
    }
}
