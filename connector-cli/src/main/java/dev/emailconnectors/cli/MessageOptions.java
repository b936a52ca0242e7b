package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that describe a message: type, code, link, language and other payload variables. */
final class MessageOptions {
    @Option(
            names = "--template",
            paramLabel = "TYPE",
            converter = TypeConverter.class,
            description = "Message type: SignIn, Register, ForgotPassword, OrganizationInvitation, Generic,"
                    + " UserPermissionValidation, BindNewIdentifier, MfaVerification or BindMfa (default: Generic).")
    TemplateType template = TemplateType.GENERIC;

    @Option(names = "--code", paramLabel = "CODE", description = "The one-time code.")
    String code;

    @Option(names = "--link", paramLabel = "URL", description = "A link (magic link, invitation link).")
    String link;

    @Option(names = "--locale", paramLabel = "TAG", description = "Language of the message, for example es-MX.")
    String locale;

    @Option(
            names = "--var",
            paramLabel = "KEY=VALUE",
            description = "Another payload variable; dotted keys nest (organization.name=Acme). Repeatable.")
    List<String> vars = new ArrayList<>();

    @Option(
            names = "--payload",
            paramLabel = "FILE",
            description = "A JSON object with payload variables; the other options override its values.")
    Path payload;

    /**
     * Builds the payload.
     *
     * @param defaultCode the code when neither {@code --code} nor the payload file gives one, or null
     * @return the payload
     * @throws CliException with exit code 2 for an unreadable payload file or a malformed {@code --var}
     */
    Payload build(String defaultCode) {
        Map<String, Object> values = new LinkedHashMap<>(file());
        for (String var : vars) {
            int eq = var.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage("--var needs KEY=VALUE, got '" + var + "'");
            }
            put(values, var.substring(0, eq).split("\\.", -1), var.substring(eq + 1), var);
        }
        if (code != null) {
            values.put(Payload.CODE, code);
        } else if (defaultCode != null) {
            values.putIfAbsent(Payload.CODE, defaultCode);
        }
        if (link != null) {
            values.put(Payload.LINK, link);
        }
        if (locale != null) {
            values.put(Payload.LOCALE, locale);
        }
        try {
            return Payload.of(values);
        } catch (EmailConnectorException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String[] path, String value, String option) {
        Map<String, Object> map = root;
        for (int i = 0; i < path.length - 1; i++) {
            if (path[i].isEmpty()) {
                throw CliException.usage("--var has an empty key segment in '" + option + "'");
            }
            Object next = map.get(path[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                map.put(path[i], next);
            } else if (!(next instanceof Map)) {
                throw CliException.usage(
                        "--var '" + option + "': '" + path[i] + "' already has a value that is not" + " an object");
            } else {
                next = new LinkedHashMap<>((Map<String, Object>) next);
                map.put(path[i], next);
            }
            map = (Map<String, Object>) next;
        }
        String last = path[path.length - 1];
        if (last.isEmpty()) {
            throw CliException.usage("--var has an empty key segment in '" + option + "'");
        }
        map.put(last, value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> file() {
        if (payload == null) {
            return Map.of();
        }
        try {
            JsonNode json = Printer.JSON.readTree(Files.readString(payload, StandardCharsets.UTF_8));
            if (json == null || !json.isObject()) {
                throw CliException.usage("The payload file " + payload + " must hold a JSON object");
            }
            return Printer.JSON.convertValue(json, Map.class);
        } catch (IOException e) {
            throw CliException.usage("Cannot read the payload file " + payload + ": " + e.getMessage());
        }
    }

    /** Accepts wire names ({@code SignIn}) and constant names ({@code SIGN_IN}), ignoring case. */
    static final class TypeConverter implements ITypeConverter<TemplateType> {
        @Override
        public TemplateType convert(String value) {
            for (TemplateType t : TemplateType.values()) {
                if (t.wireName().equalsIgnoreCase(value) || t.name().equalsIgnoreCase(value.replace('-', '_'))) {
                    return t;
                }
            }
            throw new TypeConversionException(
                    "unknown template type '" + value + "'; expected one of " + TemplateType.wireNames());
        }
    }
}
