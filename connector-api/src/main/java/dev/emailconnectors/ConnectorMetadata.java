package dev.emailconnectors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector is, for catalogs and admin consoles.
 *
 * @param id the stable connector id, for example {@code "smtp"}
 * @param aliases other ids it answers to, such as its Logto factory id ({@code "simple-mail-transfer-protocol"}), so
 *     stored configurations migrate unchanged
 * @param target the provider key, for example {@code "smtp"} or {@code "aws-ses"}
 * @param name display names by BCP 47 language tag; {@code en} is always present
 * @param description one-sentence descriptions by language tag; {@code en} is always present
 * @param logo an {@code https:} or {@code data:} URL of the logo
 * @param readme Markdown text explaining the configuration
 */
public record ConnectorMetadata(
        String id,
        List<String> aliases,
        String target,
        Map<String, String> name,
        Map<String, String> description,
        String logo,
        String readme) {

    /**
     * Checks the components: no nulls, English name and description present, logo an https or data URL.
     *
     * @throws IllegalArgumentException when a component is missing or malformed
     */
    public ConnectorMetadata {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(target, "target");
        name = Map.copyOf(name);
        description = Map.copyOf(description);
        Objects.requireNonNull(logo, "logo");
        Objects.requireNonNull(readme, "readme");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Connector id must not be blank");
        }
        if (isBlank(name.get("en")) || isBlank(description.get("en"))) {
            throw new IllegalArgumentException("Connector '" + id + "' needs an English name and description");
        }
        String lower = logo.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("data:")) {
            throw new IllegalArgumentException("Connector '" + id + "' logo must be an https: or data: URL");
        }
    }

    /**
     * Returns the display name in a language, falling back from {@code zh-CN} to {@code zh} to {@code en}.
     *
     * @param languageTag a BCP 47 tag
     * @return the best matching name
     */
    public String name(String languageTag) {
        return localized(name, languageTag);
    }

    /**
     * Returns the description in a language, with the same fallback as {@link #name(String)}.
     *
     * @param languageTag a BCP 47 tag
     * @return the best matching description
     */
    public String description(String languageTag) {
        return localized(description, languageTag);
    }

    /**
     * Tells whether this connector answers to an id, directly or through an alias.
     *
     * @param idOrAlias the id to test
     * @return true on a match
     */
    public boolean answersTo(String idOrAlias) {
        return id.equals(idOrAlias) || aliases.contains(idOrAlias);
    }

    private static String localized(Map<String, String> values, String languageTag) {
        String tag = languageTag == null ? "" : languageTag;
        while (!tag.isEmpty()) {
            Optional<String> v = Optional.ofNullable(values.get(tag));
            if (v.isPresent()) {
                return v.get();
            }
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        return values.get("en");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
