package dev.emailconnectors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating a connector configuration: every problem found, not just the first.
 *
 * @param connectorId the connector the configuration was validated for
 * @param violations every problem, ordered by path; empty when the configuration is valid
 */
public record ValidationResult(String connectorId, List<ConfigViolation> violations) {

    /** Copies the violations. */
    public ValidationResult {
        violations = List.copyOf(violations);
    }

    /** @return true when there are no violations */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * Throws when the configuration is invalid.
     *
     * @return this result, when valid
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every violation
     */
    public ValidationResult orThrow() {
        if (!isValid()) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, describe());
        }
        return this;
    }

    /** @return a multi-line description: a summary, then one violation per line */
    public String describe() {
        if (isValid()) {
            return "Configuration for '" + connectorId + "' is valid";
        }
        return violations.stream()
                .map(v -> "  - " + v)
                .collect(Collectors.joining(
                        "\n",
                        "Configuration for '" + connectorId + "' has " + violations.size()
                                + (violations.size() == 1 ? " problem:\n" : " problems:\n"),
                        ""));
    }
}
