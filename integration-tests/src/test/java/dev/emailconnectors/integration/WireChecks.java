package dev.emailconnectors.integration;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What "nothing malformed reached the peer" means, checked on what a fixture's peer received. */
final class WireChecks {
    private static final Pattern HEADER_LINE = Pattern.compile("^([!-9;-~]+:.*|[ \\t].*)$");

    private WireChecks() {}

    /**
     * Lists what is malformed in what the peer got for a send to {@code intended}.
     *
     * @param fixture the fixture
     * @param intended the recipient the send named
     * @return one description per problem; empty when all is well
     */
    static List<String> problems(Fixture fixture, String intended) {
        List<String> out = new ArrayList<>();
        for (Delivered d : fixture.delivered()) {
            for (String r : d.recipients()) {
                if (!sameAddress(r, intended)) {
                    out.add("recipient " + visible(r) + " is not the intended " + visible(intended));
                }
            }
            d.subject().ifPresent(s -> {
                if (hasControl(s)) {
                    out.add("subject with a control character: " + visible(s));
                }
            });
            for (String h : d.headerFields()) {
                if (hasControl(h.replace("\t", " "))) {
                    out.add("header field with a control character: " + visible(h));
                }
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("bcc:") || lower.startsWith("x-injected:")) {
                    out.add("injected header line: " + visible(h));
                }
                if (d.raw().startsWith("MIME") || d.raw().contains("\r\nMIME-Version")) {
                    if (!HEADER_LINE.matcher(h).matches()) {
                        out.add("malformed header line: " + visible(h));
                    }
                }
            }
            if (fixture.rendersTemplates()) {
                String html = d.html().orElse("").toLowerCase(Locale.ROOT);
                for (String unsafe : List.of("<script", "<img src=x", "<svg onload")) {
                    if (html.contains(unsafe)) {
                        out.add("unescaped " + unsafe + " in the HTML part");
                    }
                }
            }
        }
        return out;
    }

    /** Compares addresses as providers do: local part exact (case-insensitive), domain in ASCII. */
    static boolean sameAddress(String seen, String intended) {
        String a = normalize(seen);
        String b = normalize(intended);
        return a != null && a.equals(b);
    }

    private static String normalize(String address) {
        String s = address.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        int at = s.lastIndexOf('@');
        if (at < 1) {
            return null;
        }
        try {
            return s.substring(0, at).toLowerCase(Locale.ROOT) + "@"
                    + IDN.toASCII(s.substring(at + 1)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return s.toLowerCase(Locale.ROOT);
        }
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029);
    }

    /** @return the text with control characters made visible, shortened */
    static String visible(String s) {
        String v = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return "'" + (v.length() > 120 ? v.substring(0, 120) + "…" : v) + "'";
    }
}
