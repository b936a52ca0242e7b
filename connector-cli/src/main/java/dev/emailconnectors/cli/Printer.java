package dev.emailconnectors.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a command's output, human-readable or JSON, and masks every known secret value (resolved secret references
 * and secret configuration fields) as {@code ***} in everything it writes.
 */
final class Printer {
    /** The JSON mapper commands share; pretty-printed. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Secrets shorter than this are not masked in free text (they would mask ordinary characters). */
    private static final int MIN_SECRET_LENGTH = 4;

    private final Terminal terminal;
    private final boolean json;
    private final List<String> secrets = new ArrayList<>();

    Printer(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    /** @return true when the output is JSON */
    boolean json() {
        return json;
    }

    /**
     * Adds values to mask.
     *
     * @param values secret values
     */
    void mask(Collection<String> values) {
        for (String v : values) {
            if (v != null && v.length() >= MIN_SECRET_LENGTH && !secrets.contains(v)) {
                secrets.add(v);
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    /**
     * Writes a line to standard output.
     *
     * @param text the text
     */
    void line(String text) {
        terminal.out().println(scrub(text));
        terminal.out().flush();
    }

    /**
     * Writes a line to standard error.
     *
     * @param text the text
     */
    void error(String text) {
        terminal.err().println(scrub(text));
        terminal.err().flush();
    }

    /**
     * Writes a JSON document to standard output.
     *
     * @param node the document
     */
    void json(JsonNode node) {
        try {
            line(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String scrub(String text) {
        String out = text == null ? "" : text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
