package dev.emailconnectors.builtin;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether text contains something a mail client could show as a link, with the semantics of Logto's
 * {@code urlRegEx}: {@code http(s)://…}, {@code www.…} and bare domains such as {@code example.com}, {@code x.y} or
 * {@code foo.bar/path} are URLs; dotted abbreviations such as {@code S.A.}, {@code p.s.a.} or {@code Sp. z o.o.}
 * are not.
 */
final class UrlDetector {
    private static final Pattern SCHEME_OR_WWW = Pattern.compile("(?i)(?:\\bhttps?://|\\bwww\\.[a-z0-9])");
    /** Dot-separated ASCII labels ending in a label that starts with a letter, not followed by more of a label. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)\\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?)(?![\\w-]|\\.\\w)");

    private UrlDetector() {}

    /**
     * Checks text for a URL.
     *
     * @param text the text
     * @return true when the text contains a URL or a bare domain name
     */
    static boolean containsUrl(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (SCHEME_OR_WWW.matcher(text).find()) {
            return true;
        }
        Matcher m = DOMAIN.matcher(text);
        while (m.find()) {
            if (!isAbbreviation(m.group(1), text, m.end())) {
                return true;
            }
        }
        return false;
    }

    /** Single letters each followed by a dot, as in {@code S.A.} or {@code o.o.}: an abbreviation, not a domain. */
    private static boolean isAbbreviation(String match, String text, int end) {
        boolean followedByDot = end < text.length() && text.charAt(end) == '.';
        if (!followedByDot) {
            return false;
        }
        for (String label : match.toLowerCase(Locale.ROOT).split("\\.")) {
            if (label.length() != 1) {
                return false;
            }
        }
        return true;
    }
}
