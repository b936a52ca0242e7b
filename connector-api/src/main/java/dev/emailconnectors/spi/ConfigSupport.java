package dev.emailconnectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ContentType;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.internal.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers for providers: loading schemas and reading the Logto-style {@code templates} array. */
public final class ConfigSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEMPLATE_FIELDS = List.of("subject", "content", "replyTo", "sendFrom");

    private ConfigSupport() {}

    /**
     * Loads a JSON resource, typically a provider's configuration schema.
     *
     * <p>On the module path the resource lives in the provider's module, and this library reads it: open the
     * resource's package to {@code dev.emailconnectors.api} in {@code module-info.java}
     * ({@code opens com.example.myconnector to dev.emailconnectors.api;}), or open the stream in your own code and use
     * {@link #readJson(InputStream)}.
     *
     * @param anchor a class in the same module and package as the resource
     * @param resource the resource name, relative to the anchor's package
     * @return the parsed JSON
     * @throws UncheckedIOException when the resource is missing, not readable, or malformed
     */
    public static JsonNode loadSchema(Class<?> anchor, String resource) {
        return readJson(open(anchor, resource));
    }

    /**
     * Loads a UTF-8 text resource, such as the readme a connector's metadata carries. The module-path rule of
     * {@link #loadSchema(Class, String)} applies.
     *
     * @param anchor a class in the same module and package as the resource
     * @param resource the resource name, relative to the anchor's package
     * @return the text
     * @throws UncheckedIOException when the resource is missing or not readable
     */
    public static String loadText(Class<?> anchor, String resource) {
        try (InputStream in = open(anchor, resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON from a stream and closes it.
     *
     * @param in the stream
     * @return the parsed JSON
     * @throws UncheckedIOException when the JSON is malformed or the stream fails
     */
    public static JsonNode readJson(InputStream in) {
        try (InputStream stream = in) {
            return JSON.readTree(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            String hint = anchor.getModule().isNamed()
                    ? " (on the module path, add 'opens " + anchor.getPackageName()
                            + " to dev.emailconnectors.api;' to module "
                            + anchor.getModule().getName() + ")"
                    : "";
            throw new UncheckedIOException(
                    new IOException("Missing resource " + resource + " next to " + anchor.getName() + hint));
        }
        return in;
    }

    /**
     * Reads a Logto-style templates array: objects with {@code usageType}, {@code subject}, {@code content}, a
     * content type in {@code contentType} (or {@code type}, as in SendGrid's configuration; default
     * {@code text/html}), and optional {@code replyTo} and {@code sendFrom}. Entries without a subject and content
     * (for example provider template references) or with an unknown usage type are skipped.
     *
     * @param templates the array node (a missing node gives an empty list)
     * @return the templates in order
     */
    public static List<EmailTemplate> templates(JsonNode templates) {
        List<EmailTemplate> out = new ArrayList<>();
        for (JsonNode t : templates) {
            template(t).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Reads one entry of a Logto-style templates array, as {@link #templates(JsonNode)} does.
     *
     * @param t the entry
     * @return the template, or empty for an entry without a subject and content, or with an unknown usage or
     *     content type
     */
    public static Optional<EmailTemplate> template(JsonNode t) {
        Optional<TemplateType> type = usageType(t);
        if (type.isEmpty()
                || !t.path("subject").isTextual()
                || !t.path("content").isTextual()) {
            return Optional.empty();
        }
        JsonNode mime = t.hasNonNull("contentType") ? t.get("contentType") : t.path("type");
        ContentType contentType;
        try {
            contentType = mime.isTextual() ? ContentType.fromMimeType(mime.asText()) : ContentType.TEXT_HTML;
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new EmailTemplate(
                type.get(),
                t.get("subject").asText(),
                t.get("content").asText(),
                contentType,
                text(t, "replyTo"),
                text(t, "sendFrom")));
    }

    /**
     * Checks that the templates array has an entry for each required type, with Logto's message, so that a Logto
     * configuration missing one is reported the same way.
     *
     * @param config the configuration
     * @param field the array field, usually {@code "templates"}
     * @param required the types that must be present
     * @return one violation at {@code /field} when types are missing, else none
     */
    public static List<ConfigViolation> requireTemplateTypes(JsonNode config, String field, TemplateType... required) {
        Set<TemplateType> present = EnumSet.noneOf(TemplateType.class);
        for (JsonNode t : config.path(field)) {
            usageType(t).ifPresent(present::add);
        }
        String missing = List.of(required).stream()
                .filter(t -> !present.contains(t))
                .map(TemplateType::wireName)
                .collect(Collectors.joining(", "));
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(
                new ConfigViolation("/" + field, "Template with UsageType (" + missing + ") should be provided!"));
    }

    /**
     * Checks the placeholder syntax of every template string in an array (subject, content, reply-to, sender), so a
     * broken template is reported when the configuration is saved, not when a user waits for a code.
     *
     * @param config the configuration
     * @param field the array field, usually {@code "templates"}
     * @return one violation per broken template string
     */
    public static List<ConfigViolation> checkTemplateSyntax(JsonNode config, String field) {
        List<ConfigViolation> out = new ArrayList<>();
        int i = 0;
        for (JsonNode t : config.path(field)) {
            for (String name : TEMPLATE_FIELDS) {
                JsonNode value = t.path(name);
                if (value.isTextual()) {
                    String problem = TemplateRenderer.syntaxProblem(value.asText());
                    if (problem != null) {
                        out.add(new ConfigViolation("/" + field + "/" + i + "/" + name, problem));
                    }
                }
            }
            i++;
        }
        return out;
    }

    /**
     * Reads a template's {@code usageType}.
     *
     * @param template a template entry
     * @return the type, when the entry names a known one
     */
    public static Optional<TemplateType> usageType(JsonNode template) {
        String name = template.path("usageType").asText(null);
        for (TemplateType type : TemplateType.values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** @return a non-empty string field of an entry */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }
}
