package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConfigSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The languages the built-in templates are written in, their strings, and how a language tag picks one. */
final class Locales {
    /** Every shipped locale; the first is the fallback. */
    static final List<String> SHIPPED = List.of("en", "es", "fr", "de", "pt-BR", "zh-CN", "ja");

    private static final Map<String, JsonNode> STRINGS = load();

    private Locales() {}

    private static Map<String, JsonNode> load() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String locale : SHIPPED) {
            out.put(locale, ConfigSupport.loadSchema(Locales.class, "messages/" + locale + ".json"));
        }
        return Map.copyOf(out);
    }

    /**
     * Chooses the shipped locale for a language tag: the tag itself, then shorter tags ({@code es-MX} → {@code es}),
     * where a bare language also matches its one shipped regional variant ({@code pt} → {@code pt-BR},
     * {@code zh-Hant} → {@code zh-CN}); otherwise {@code en}. Case and {@code _} separators are tolerated.
     *
     * @param languageTag a BCP 47 tag, or {@code ""}
     * @return a shipped locale
     */
    static String resolve(String languageTag) {
        String tag = languageTag == null ? "" : languageTag.trim().replace('_', '-');
        while (!tag.isEmpty()) {
            for (String locale : SHIPPED) {
                if (locale.equalsIgnoreCase(tag)) {
                    return locale;
                }
            }
            if (tag.indexOf('-') < 0) {
                String prefix = tag.toLowerCase(Locale.ROOT) + "-";
                for (String locale : SHIPPED) {
                    if (locale.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        return locale;
                    }
                }
            }
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        return SHIPPED.get(0);
    }

    /**
     * Returns the strings of a shipped locale.
     *
     * @param locale a value of {@link #SHIPPED}
     * @return the strings: shared keys, and per-type strings under {@code types}
     */
    static JsonNode strings(String locale) {
        return STRINGS.get(locale);
    }
}
