package dev.emailconnectors.integration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a sentinel in text: as is, URL-encoded, or inside base64 (as in an SMTP AUTH PLAIN line). */
final class Leaks {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");

    private Leaks() {}

    /**
     * Lists where a sentinel appears.
     *
     * @param sentinel the marker planted in every secret
     * @param where what the text is, for the report
     * @param text the text to search
     * @return one description per finding
     */
    static List<String> find(String sentinel, String where, String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String first = text.lines().findFirst().orElse("");
        where = where + " [" + (first.length() > 80 ? first.substring(0, 80) : first) + "]";
        if (text.contains(sentinel)) {
            out.add(where + ": " + excerpt(text, text.indexOf(sentinel)));
        }
        String encoded = URLEncoder.encode(sentinel, StandardCharsets.UTF_8);
        if (!encoded.equals(sentinel) && text.contains(encoded)) {
            out.add(where + " (URL-encoded): " + excerpt(text, text.indexOf(encoded)));
        }
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            String decoded = decode(m.group());
            if (decoded != null && decoded.contains(sentinel)) {
                out.add(where + " (base64): " + m.group());
            }
        }
        return out;
    }

    private static String decode(String token) {
        for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return new String(d.decode(token), StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                // not this alphabet
            }
        }
        return null;
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(text.length(), at + 60);
        return "…" + text.substring(from, to).replace('\n', ' ') + "…";
    }

    /** @return the full text of a throwable: messages, causes, suppressed, frames */
    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
