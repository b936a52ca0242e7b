package dev.emailconnectors.cli;

import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code email-connectors} command; does nothing by itself but show its subcommands. */
@Command(
        name = "email-connectors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists, describes, validates, previews, tests and sends with email connectors.",
        subcommands = {
            ListCommand.class,
            DescribeCommand.class,
            ValidateCommand.class,
            SendCommand.class,
            PreviewCommand.class,
            TestCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the send or check failed (the error code is printed)",
            "  2  bad usage or invalid configuration (every violation is printed with its path)"
        })
final class RootCommand implements Runnable {
    private final Terminal terminal;
    private ConnectorCatalog catalog;

    @Spec
    CommandSpec spec;

    RootCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    synchronized ConnectorCatalog catalog() {
        if (catalog == null) {
            catalog = EmailConnectors.discover(RootCommand.class.getClassLoader());
        }
        return catalog;
    }

    @Override
    public void run() {
        spec.commandLine().usage(terminal.out());
    }
}
