package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.ValidationResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** A command that reads a connector configuration: loading, secret references, masking and validation. */
abstract class ConfiguredCommand extends BaseCommand {

    /**
     * Loads a configuration, resolving secret references, and masks its secrets in all further output.
     *
     * @param descriptor the connector
     * @param source the file, {@code -}, or null for an empty configuration
     * @return the configuration
     */
    JsonNode load(ConnectorDescriptor descriptor, String source) {
        ConfigLoader loader = new ConfigLoader(terminal());
        try {
            JsonNode config = loader.load(source);
            printer.mask(loader.secrets());
            printer.mask(secretValues(config, descriptor.redact(config)));
            return config;
        } finally {
            printer.mask(loader.secrets());
        }
    }

    /**
     * Validates a configuration and fails with exit code 2, listing every violation, when it is invalid.
     *
     * @param descriptor the connector
     * @param config the configuration
     * @return the configuration
     */
    JsonNode requireValid(ConnectorDescriptor descriptor, JsonNode config) {
        ValidationResult result = descriptor.validate(config);
        if (!result.isValid()) {
            throw invalid(descriptor.id(), result.violations());
        }
        return config;
    }

    CliException invalid(String id, List<ConfigViolation> violations) {
        if (json) {
            ObjectNode out = Printer.JSON.createObjectNode().put("ok", false).put("valid", false);
            out.put("connectorId", id);
            out.set("violations", Json.violations(violations));
            printer.json(out);
            return new SilentExit(CliException.USAGE);
        }
        return new CliException(
                CliException.USAGE,
                "Configuration for '" + id + "' has " + violations.size()
                        + (violations.size() == 1 ? " problem:" : " problems:"),
                violations.stream().map(ConfigViolation::toString).collect(Collectors.toList()));
    }

    /** Collects the values that redaction masked: the configuration's secret fields. */
    private static List<String> secretValues(JsonNode config, JsonNode redacted) {
        List<String> out = new ArrayList<>();
        collect(config, redacted, out);
        return out;
    }

    private static void collect(JsonNode config, JsonNode redacted, List<String> out) {
        if (config.isTextual()) {
            if (redacted.isTextual() && !redacted.asText().equals(config.asText())) {
                out.add(config.asText());
            }
        } else if (config.isObject()) {
            for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collect(config.get(name), redacted.path(name), out);
            }
        } else if (config.isArray()) {
            for (int i = 0; i < config.size(); i++) {
                collect(config.get(i), redacted.path(i), out);
            }
        }
    }

    /** An exit whose output has already been written. */
    static final class SilentExit extends CliException {
        private static final long serialVersionUID = 1L;

        SilentExit(int exitCode) {
            super(exitCode, "", List.of());
        }
    }
}
