package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import java.security.SecureRandom;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code send [<id>] --to ADDR …}: sends one message. */
@Command(
        name = "send",
        description = {
            "Send one message and print the result.",
            "Without <id> the built-in service writes an .eml file into ./outbox (or EMAIL_CONNECTORS_OUTBOX) and"
                    + " prints its path.",
            "Exit codes: 0 accepted, 1 the send failed, 2 bad usage or invalid configuration."
        },
        sortOptions = false)
final class SendCommand extends ConfiguredCommand {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<id>",
            defaultValue = "builtin",
            description = "Connector id or alias (default: builtin).")
    String id;

    @Option(names = "--to", required = true, paramLabel = "ADDR", description = "Recipient address.")
    String to;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration JSON file, or - for standard input (default: an empty configuration)."
                    + " Values may reference secrets as $${env:NAME} or $${file:/path}.")
    String config;

    @Mixin
    MessageOptions message;

    @Override
    int execute() {
        ConnectorDescriptor d = catalog().require(id);
        JsonNode cfg = requireValid(d, load(d, config));
        if (!EmailAddress.isValid(to)) {
            throw CliException.usage("--to '" + to + "' is not a valid email address");
        }
        boolean generated = message.code == null;
        Payload payload = message.build(String.format("%06d", RANDOM.nextInt(1_000_000)));
        SendResult result;
        try (EmailConnector connector = d.create(cfg)) {
            result = connector.sendMessage(message.template, to, payload);
        } catch (EmailConnectorException e) {
            if (e.code() == dev.emailconnectors.ErrorCode.INVALID_CONFIG) {
                throw e;
            }
            reportError(e);
            return CliException.FAILED;
        }
        print(result, generated ? payload.code().orElse(null) : null);
        return 0;
    }

    private void print(SendResult result, String generatedCode) {
        if (json) {
            ObjectNode out = Json.result(result);
            if (generatedCode != null) {
                out.put("code", generatedCode);
            }
            printer.json(out);
            return;
        }
        printer.line("Accepted by " + result.connectorId() + " at " + result.acceptedAt()
                + result.providerMessageId().map(m -> " (message id " + m + ")").orElse(""));
        if (generatedCode != null) {
            printer.line("Code: " + generatedCode);
        }
        for (Map.Entry<String, String> detail : result.details().entrySet()) {
            if (!detail.getKey().equals("outboxFile")) {
                printer.line(detail.getKey() + ": " + detail.getValue());
            }
        }
        String file = result.details().get("outboxFile");
        if (file != null) {
            printer.line("Written to " + file);
        }
    }
}
