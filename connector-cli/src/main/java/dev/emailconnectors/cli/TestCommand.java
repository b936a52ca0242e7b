package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code test <id> --config FILE [--to ADDR]}: checks a configuration before it is saved. */
@Command(
        name = "test",
        description = {
            "Test a configuration before saving it: the connection check where the connector has one (SMTP),",
            "otherwise a Generic test message with code 000000 to --to.",
            "Exit code 0 when the check or send succeeded, 1 when it failed, 2 for bad usage or invalid configuration."
        },
        sortOptions = false)
final class TestCommand extends ConfiguredCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "Connector id or alias.")
    String id;

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "Configuration JSON file, or - for standard input.")
    String config;

    @Option(
            names = "--to",
            paramLabel = "ADDR",
            description = "Recipient of the test message (required for connectors without a connection check).")
    String to;

    @Override
    int execute() {
        ConnectorDescriptor d = catalog().require(id);
        JsonNode cfg = requireValid(d, load(d, config));
        if (to != null && !EmailAddress.isValid(to)) {
            throw CliException.usage("--to '" + to + "' is not a valid email address");
        }
        try (EmailConnector connector = d.create(cfg)) {
            if (connector.supportsConnectionCheck()) {
                connector.checkConnection();
                succeed("connection", "Connection check passed: connected and authenticated to " + d.id(), null);
                return 0;
            }
            if (to == null) {
                throw CliException.usage("Connector '" + d.id() + "' has no connection check; pass --to ADDR to send"
                        + " a test message");
            }
            SendResult result = connector.sendMessage(
                    TemplateType.GENERIC, to, Payload.builder().code("000000").build());
            succeed("message", "Test message accepted by " + d.id(), result);
            return 0;
        } catch (EmailConnectorException e) {
            if (e.code() == ErrorCode.INVALID_CONFIG) {
                throw e;
            }
            reportError(e);
            return CliException.FAILED;
        }
    }

    private void succeed(String kind, String message, SendResult result) {
        if (json) {
            printer.json((result == null ? Printer.JSON.createObjectNode().put("ok", true) : Json.result(result))
                    .put("test", kind)
                    .put("connectorId", d()));
            return;
        }
        printer.line(message);
        if (result != null) {
            result.providerMessageId().ifPresent(m -> printer.line("message id: " + m));
            result.details().forEach((k, v) -> printer.line(k + ": " + v));
        }
    }

    private String d() {
        return catalog().require(id).id();
    }
}
