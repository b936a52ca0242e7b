package dev.emailconnectors;

import java.util.Objects;

/**
 * One problem with a connector configuration.
 *
 * @param path the JSON Pointer (RFC 6901) of the offending value, for example {@code "/auth/user"} or
 *     {@code "/templates/2/subject"}; for a missing or unknown field, the field's own path; {@code ""} for the whole
 *     configuration
 * @param message what is wrong, without the offending value when it could be a secret
 */
public record ConfigViolation(String path, String message) {

    /** Checks that neither component is null. */
    public ConfigViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(config)" : path) + ": " + message;
    }
}
