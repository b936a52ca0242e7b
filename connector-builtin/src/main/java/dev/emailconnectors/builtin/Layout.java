package dev.emailconnectors.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the build-time slots of the HTML layout. The layout has two kinds of markers: {@code [[name]]} slots and
 * {@code [[#name]]…[[/name]]} / {@code [[^name]]…[[/name]]} blocks filled here, once per branding and locale; and
 * {@code {{…}}} Mustache placeholders left for the core to fill, HTML-escaped, with each message's payload. Slots are
 * filled in a single pass, so a value is never read as a marker.
 */
final class Layout {
    /** The HTML layout shared by every message type and language. */
    static final String HTML = resource("layout.html");

    private static final Pattern BLOCK = Pattern.compile("(?s)\\[\\[([#^])(\\w+)]](.*?)\\[\\[/\\2]]");
    private static final Pattern SLOT = Pattern.compile("\\[\\[(\\w+)]]");

    private Layout() {}

    /**
     * Fills a template's build-time markers. A block is kept when its value is non-empty ({@code #}) or empty
     * ({@code ^}); values are inserted as given, so escape them first ({@link #escape(String)}).
     *
     * @param template the template
     * @param values the slot values
     * @return the template with only Mustache placeholders left
     * @throws IllegalStateException when a slot has no value
     */
    static String fill(String template, Map<String, String> values) {
        String kept = template;
        Matcher blocks = BLOCK.matcher(kept);
        while (blocks.find()) { // again after each pass, for blocks nested in blocks
            StringBuilder pass = new StringBuilder();
            do {
                boolean present = !values.getOrDefault(blocks.group(2), "").isEmpty();
                boolean keep = blocks.group(1).equals("#") == present;
                blocks.appendReplacement(pass, Matcher.quoteReplacement(keep ? blocks.group(3) : ""));
            } while (blocks.find());
            blocks.appendTail(pass);
            kept = pass.toString();
            blocks = BLOCK.matcher(kept);
        }
        Matcher slots = SLOT.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (slots.find()) {
            String value = values.get(slots.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for layout slot " + slots.group(1));
            }
            slots.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slots.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Layout.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Escapes text for HTML content and attributes, braces included, so a tenant's value can neither add markup nor
     * become a Mustache placeholder.
     *
     * @param text the text
     * @return the escaped text
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
