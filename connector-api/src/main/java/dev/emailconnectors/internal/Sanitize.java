package dev.emailconnectors.internal;

/** String helpers for messages and header values. Internal: not exported. */
public final class Sanitize {
    private static final int MAX_ECHO = 80;

    private Sanitize() {}

    /** Quotes untrusted input for an error message: control characters escaped, length capped. */
    public static String forMessage(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_ECHO; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_ECHO) {
            out.append('…');
        }
        return out.toString();
    }

    /** Removes every control character (code points 0–31 and 127), as for a header value. */
    public static String stripControl(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7f;
            if (control && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
