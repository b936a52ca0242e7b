package dev.emailconnectors.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a configuration file (or standard input for {@code -}) and resolves secret references in its string values:
 * {@code ${env:NAME}} is the environment variable {@code NAME}, {@code ${file:/path}} the content of a file (one
 * trailing newline removed), and {@code $${…}} a literal {@code ${…}}. Every unresolvable reference is reported at
 * once, with its JSON path; resolved values are remembered so that output can mask them.
 */
final class ConfigLoader {
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^}]*)}");

    private final Terminal terminal;
    private final List<String> secrets = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    ConfigLoader(Terminal terminal) {
        this.terminal = terminal;
    }

    /** @return the values that references resolved to */
    List<String> secrets() {
        return List.copyOf(secrets);
    }

    /**
     * Loads a configuration.
     *
     * @param source a file path, {@code -} for standard input, or null for an empty configuration
     * @return the configuration with references resolved
     * @throws CliException with exit code 2 when the file cannot be read, is not a JSON object, or a reference
     *     cannot be resolved
     */
    JsonNode load(String source) {
        if (source == null) {
            return Printer.JSON.createObjectNode();
        }
        String text;
        String name = source.equals("-") ? "standard input" : source;
        try {
            text = source.equals("-")
                    ? new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw CliException.usage("Cannot read the configuration " + name + ": " + e.getMessage());
        }
        JsonNode config;
        try {
            config = Printer.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliException.usage("The configuration " + name + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (config == null || !config.isObject()) {
            throw CliException.usage("The configuration " + name + " must be a JSON object");
        }
        JsonNode resolved = resolve(config, "");
        if (!problems.isEmpty()) {
            throw new CliException(
                    CliException.USAGE, "The configuration " + name + " has unresolved secret references:", problems);
        }
        return resolved;
    }

    private JsonNode resolve(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode copy = Printer.JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), resolve(field.getValue(), path + "/" + pointer(field.getKey())));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Printer.JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(resolve(node.get(i), path + "/" + i));
            }
            return copy;
        }
        if (node.isTextual() && node.asText().contains("${")) {
            return TextNode.valueOf(substitute(node.asText(), path));
        }
        return node;
    }

    private String substitute(String value, String path) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else {
                replacement = lookup(m.group(1), m.group(2).trim(), path);
                secrets.add(replacement);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String kind, String name, String path) {
        if (kind.equals("env")) {
            String v = name.isEmpty() ? null : terminal.environment().apply(name);
            if (v == null) {
                problems.add(path + ": environment variable '" + name + "' is not set");
                return "";
            }
            return v;
        }
        try {
            String v = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            return v.endsWith("\r\n")
                    ? v.substring(0, v.length() - 2)
                    : v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
        } catch (IOException | RuntimeException e) {
            problems.add(path + ": secret file '" + name + "' cannot be read ("
                    + e.getClass().getSimpleName() + ")");
            return "";
        }
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
