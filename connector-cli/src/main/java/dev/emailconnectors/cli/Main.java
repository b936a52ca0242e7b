package dev.emailconnectors.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * The entry point of {@code email-connectors.jar}:
 *
 * <pre>
 * java -jar email-connectors.jar list
 * java -jar email-connectors.jar send --to you@example.com --template SignIn
 * </pre>
 *
 * <p>Exit codes: {@code 0} success, {@code 1} the send or check failed (the error code is printed), {@code 2} bad
 * usage or an invalid configuration (every violation is printed with its path). {@code --json} gives machine-readable
 * output on every command, and {@code --help} describes each one.
 */
public final class Main {
    private Main() {}

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.in, System::getenv));
    }

    /**
     * Runs the command line without exiting, for embedding and tests.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @param in standard input (for {@code --config -})
     * @param environment environment variable lookup (for {@code ${env:NAME}} references)
     * @return the exit code
     */
    public static int run(
            String[] args, PrintWriter out, PrintWriter err, InputStream in, UnaryOperator<String> environment) {
        return commandLine(new Terminal(out, err, in, environment)).execute(args);
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new RootCommand(terminal));
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
