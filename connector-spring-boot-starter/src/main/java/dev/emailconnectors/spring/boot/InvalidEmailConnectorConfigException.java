package dev.emailconnectors.spring.boot;

import java.util.List;

/**
 * Stops the application at startup when the {@code email-connectors.*} properties cannot make a working connector. The
 * message lists every problem, each with the property it concerns, so all of them can be fixed at once.
 */
public final class InvalidEmailConnectorConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the problems, one line each */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param summary what was being configured
     * @param problems every problem, one line each, naming its property
     * @param cause the underlying failure, or null
     */
    public InvalidEmailConnectorConfigException(String summary, List<String> problems, Throwable cause) {
        super(describe(summary, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, one line each */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String summary, List<String> problems) {
        StringBuilder text = new StringBuilder(summary);
        text.append(problems.size() == 1 ? " (1 problem):" : " (" + problems.size() + " problems):");
        problems.forEach(p -> text.append("\n  - ").append(p));
        return text.toString();
    }
}
