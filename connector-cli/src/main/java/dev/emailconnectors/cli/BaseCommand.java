package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand shares: {@code --json}, {@code --help}, the catalog, and turning failures into output and an
 * exit code.
 */
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    /** The output of this run. */
    Printer printer;

    /**
     * Runs the command.
     *
     * @return the exit code
     */
    abstract int execute();

    ConnectorCatalog catalog() {
        return root.catalog();
    }

    Terminal terminal() {
        return root.terminal();
    }

    @Override
    public final Integer call() {
        printer = new Printer(terminal(), json);
        try {
            return execute();
        } catch (ConfiguredCommand.SilentExit e) {
            return e.exitCode();
        } catch (CliException e) {
            report("usage", e.getMessage(), e);
            return e.exitCode();
        } catch (EmailConnectorException e) {
            boolean usage = e.code() == ErrorCode.INVALID_CONFIG || e.code() == ErrorCode.NOT_CONFIGURED;
            reportError(e);
            return usage ? CliException.USAGE : CliException.FAILED;
        }
    }

    private void report(String code, String message, CliException e) {
        if (json) {
            ObjectNode out = Printer.JSON.createObjectNode().put("ok", false);
            ObjectNode error = out.putObject("error").put("code", code).put("message", message);
            com.fasterxml.jackson.databind.node.ArrayNode details = error.putArray("details");
            e.details().forEach(details::add);
            printer.json(out);
        } else {
            printer.error("error: " + message);
            e.details().forEach(d -> printer.error("  - " + d));
        }
    }

    /**
     * Prints a connector error: its wire code, message, and whether and when to retry.
     *
     * @param e the error
     */
    void reportError(EmailConnectorException e) {
        if (json) {
            ObjectNode out = Printer.JSON.createObjectNode().put("ok", false);
            out.set("error", Json.error(e));
            printer.json(out);
            return;
        }
        String message = e.getMessage();
        String remedy = e.remedy().map(r -> "Remedy: " + r).orElse("");
        if (!remedy.isEmpty() && message.endsWith(remedy)) {
            message = message.substring(0, message.length() - remedy.length()).stripTrailing();
        }
        printer.error("error: " + e.code().wireCode() + ": " + message);
        e.connectorId().ifPresent(id -> printer.error("  connector: " + id));
        e.providerStatus().ifPresent(s -> printer.error("  provider status: " + s));
        e.providerErrorCode().ifPresent(c -> printer.error("  provider error: " + c));
        e.providerRequestId().ifPresent(r -> printer.error("  provider request id: " + r));
        printer.error("  retryable: " + (e.retryable() ? "yes" : "no")
                + e.retryAfter().map(d -> ", after " + d.toSeconds() + " s").orElse(""));
        e.remedy().ifPresent(r -> printer.error("  remedy: " + r));
    }
}
