package dev.emailconnectors.smtp;

import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP protocol logging through SLF4J. Connection events go to {@code dev.emailconnectors.smtp} (INFO with
 * {@code logger} or {@code debug}, else DEBUG); commands and replies go to {@code dev.emailconnectors.smtp.protocol}
 * (INFO with {@code debug}, else TRACE). Nothing logged carries a credential, a message body (so no verification
 * code) or a local part of an address: AUTH arguments are hidden, addresses are reduced to their domain, and the
 * message content never passes through here.
 */
final class ProtocolLog {
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.emailconnectors.smtp");
    private static final Logger WIRE = LoggerFactory.getLogger("dev.emailconnectors.smtp.protocol");
    /** The local part of an address a server echoes in a reply ({@code <bob@example.com>: unknown user}). */
    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s<>\"'@]+@");

    private final String endpoint;
    private final boolean events;
    private final boolean commands;

    ProtocolLog(String endpoint, boolean events, boolean commands) {
        this.endpoint = endpoint;
        this.events = events;
        this.commands = commands;
    }

    /**
     * Logs a connection event. Arguments must not hold secrets or message content.
     *
     * @param format an SLF4J format
     * @param args the arguments
     */
    void event(String format, Object... args) {
        if (events) {
            EVENTS.info("[" + endpoint + "] " + format, args);
        } else if (EVENTS.isDebugEnabled()) {
            EVENTS.debug("[" + endpoint + "] " + format, args);
        }
    }

    void sent(long connection, String command) {
        if (commands) {
            WIRE.info("[{} #{}] C: {}", endpoint, connection, redact(command));
        } else if (WIRE.isTraceEnabled()) {
            WIRE.trace("[{} #{}] C: {}", endpoint, connection, redact(command));
        }
    }

    void received(long connection, int code, String response) {
        if (commands || WIRE.isTraceEnabled()) {
            String text = code == 334
                    ? "334 (authentication challenge hidden)"
                    : LOCAL_PART.matcher(oneLine(response)).replaceAll("…@");
            if (commands) {
                WIRE.info("[{} #{}] S: {}", endpoint, connection, text);
            } else {
                WIRE.trace("[{} #{}] S: {}", endpoint, connection, text);
            }
        }
    }

    /**
     * Reduces a command to what may be logged: the verb, the EHLO name, address domains and ESMTP parameters.
     *
     * @param command the command line
     * @return the loggable form
     */
    static String redact(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        if (upper.startsWith("AUTH ")) {
            String[] parts = command.split(" ", 3);
            return "AUTH " + parts[1] + (parts.length > 2 ? " (credentials hidden)" : "");
        }
        if (upper.startsWith("MAIL FROM:") || upper.startsWith("RCPT TO:")) {
            int lt = command.indexOf('<');
            int gt = command.indexOf('>', lt + 1);
            int at = command.lastIndexOf('@', gt);
            if (lt < 0 || gt < 0) {
                return command.substring(0, command.indexOf(':') + 1) + " (address hidden)";
            }
            String domain = at > lt ? "…" + command.substring(at, gt) : "";
            return command.substring(0, lt + 1) + domain + command.substring(gt);
        }
        for (String verb : new String[] {"EHLO", "HELO", "STARTTLS", "DATA", "RSET", "NOOP", "QUIT", "."}) {
            if (upper.equals(verb) || upper.startsWith(verb + " ")) {
                return command;
            }
        }
        return "(hidden)";
    }

    static String oneLine(String response) {
        if (response == null) {
            return "";
        }
        String s = response.strip().replace("\r", "").replace("\n", " | ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
