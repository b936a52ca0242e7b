package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code validate <id> --config FILE}: every problem of a configuration, or "valid". */
@Command(
        name = "validate",
        description = {
            "Validate a configuration: print every violation with its JSON path, or \"valid\".",
            "Secret values are never printed. Exit code 0 when valid, 2 when not."
        },
        sortOptions = false)
final class ValidateCommand extends ConfiguredCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "Connector id or alias.")
    String id;

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "Configuration JSON file, or - for standard input. String values may reference secrets as"
                    + " $${env:NAME} or $${file:/path}.")
    String config;

    @Override
    int execute() {
        ConnectorDescriptor d = catalog().require(id);
        JsonNode loaded = load(d, config);
        ValidationResult result = d.validate(loaded);
        if (!result.isValid()) {
            throw invalid(d.id(), result.violations());
        }
        if (json) {
            printer.json(Printer.JSON
                    .createObjectNode()
                    .put("ok", true)
                    .put("valid", true)
                    .put("connectorId", d.id()));
        } else {
            printer.line("valid");
        }
        return 0;
    }
}
