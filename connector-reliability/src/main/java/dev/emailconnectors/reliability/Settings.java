package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the settings the schemas cannot fully check: ISO-8601 durations. */
final class Settings {
    private Settings() {}

    /**
     * Reads a duration field.
     *
     * @param node the object holding the field
     * @param field the field name
     * @param fallback the default when the field is absent
     * @return the duration
     */
    static Duration duration(JsonNode node, String field, Duration fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Duration.parse(value.asText()) : fallback;
    }

    /**
     * Checks that every present duration field parses and is positive.
     *
     * @param config the configuration
     * @param pointers the JSON Pointers of the duration fields
     * @return one violation per bad field
     */
    static List<ConfigViolation> checkDurations(JsonNode config, String... pointers) {
        List<ConfigViolation> out = new ArrayList<>();
        for (String pointer : pointers) {
            JsonNode value = config.at(pointer);
            if (!value.isTextual()) {
                continue;
            }
            try {
                Duration d = Duration.parse(value.asText());
                if (d.isNegative() || d.isZero()) {
                    out.add(new ConfigViolation(pointer, "must be a positive duration"));
                }
            } catch (DateTimeParseException e) {
                out.add(new ConfigViolation(pointer, "must be an ISO-8601 duration such as \"PT30S\" or \"PT10M\""));
            }
        }
        return out;
    }
}
