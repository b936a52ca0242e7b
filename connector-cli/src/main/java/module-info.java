/** The {@code email-connectors} command line: list, describe, validate, send, preview and test connectors. */
module dev.emailconnectors.cli {
    requires dev.emailconnectors.api;
    requires info.picocli;

    opens dev.emailconnectors.cli to
            info.picocli;
}
