package dev.emailconnectors.smtp.testserver;

import java.util.Locale;

/**
 * A command the server received, as a {@link Responder} sees it.
 *
 * @param verb the command verb in upper case ({@code MAIL}, {@code RCPT}, {@code DATA}, …), or {@code "."} for the end
 *     of message data
 * @param line the whole command line as received
 * @param session the index of the connection (0 for the first)
 * @param occurrence how many commands with this verb the server received before this one, over all connections
 */
public record Command(String verb, String line, int session, int occurrence) {

    /**
     * Extracts the verb of a command line.
     *
     * @param line the line
     * @return the verb in upper case
     */
    static String verbOf(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAIL FROM:")) {
            return "MAIL";
        }
        if (upper.startsWith("RCPT TO:")) {
            return "RCPT";
        }
        int space = upper.indexOf(' ');
        return space < 0 ? upper : upper.substring(0, space);
    }

    /** @return the text after the verb (for MAIL and RCPT, after the colon), trimmed */
    public String argument() {
        int colon = verb.equals("MAIL") || verb.equals("RCPT") ? line.indexOf(':') : -1;
        int from = colon >= 0 ? colon + 1 : Math.min(line.length(), verb.length());
        return line.substring(from).trim();
    }
}
