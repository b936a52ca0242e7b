package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tenant may customize: sender name, company information, logo and primary color. Everything else about a
 * built-in message is fixed.
 *
 * @param senderName the display name of the sender, if set
 * @param companyInformation the footer text (address, registration), if set
 * @param appLogo the logo as an {@code https:} or {@code data:} URL, if set
 * @param primaryColor the accent color as {@code #RRGGBB}
 */
record Branding(
        Optional<String> senderName,
        Optional<String> companyInformation,
        Optional<String> appLogo,
        String primaryColor) {

    /** The accent color when the tenant sets none. */
    static final String DEFAULT_COLOR = "#4F46E5";

    /**
     * Reads the branding fields of a valid configuration; blank values count as unset.
     *
     * @param config the configuration
     * @return the branding
     */
    static Branding from(JsonNode config) {
        return new Branding(
                text(config, "senderName"),
                text(config, "companyInformation"),
                text(config, "appLogo"),
                text(config, "primaryColor").orElse(DEFAULT_COLOR).toUpperCase(Locale.ROOT));
    }

    /**
     * Returns the sender name reduced to a safe display name: no angle brackets, {@code @}, quotes, braces or control
     * characters, so that it can never be read as an address and the tenant cannot change the sender address.
     *
     * @return the display name, if any remains
     */
    Optional<String> displayName() {
        return senderName
                .map(n -> n.replaceAll("[\\p{Cntrl}<>@\"{}\\\\]", " ")
                        .replaceAll("\\s+", " ")
                        .trim())
                .filter(n -> !n.isEmpty());
    }

    /**
     * Returns the text color that reads best on the primary color (black or white), by relative luminance.
     *
     * @return {@code #FFFFFF} or {@code #111827}
     */
    String onPrimaryColor() {
        int rgb = Integer.parseInt(primaryColor.substring(1), 16);
        double luminance = 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
        double contrastWhite = 1.05 / (luminance + 0.05);
        double contrastDark = (luminance + 0.05) / 0.0593; // #111827 has a luminance of 0.0093
        return contrastWhite >= contrastDark ? "#FFFFFF" : "#111827";
    }

    private static double linear(int channel) {
        double c = (channel & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Optional<String> text(JsonNode config, String field) {
        JsonNode v = config.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }
}
