package dev.emailconnectors.cli;

import java.util.List;

/** A failure a command reports and exits with: a message (or several lines) and an exit code. */
class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code: the send or check failed. */
    static final int FAILED = 1;
    /** Exit code: bad usage or invalid configuration. */
    static final int USAGE = 2;

    private final int exitCode;
    private final transient List<String> details;

    CliException(int exitCode, String message, List<String> details) {
        super(message);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message, List.of());
    }

    int exitCode() {
        return exitCode;
    }

    List<String> details() {
        return details;
    }
}
