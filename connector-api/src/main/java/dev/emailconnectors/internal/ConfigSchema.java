package dev.emailconnectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.emailconnectors.ConfigViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A connector's compiled configuration schema: validation that reports every problem with its JSON Pointer, and the
 * secret fields ({@code "writeOnly": true}) used for redaction.
 */
public final class ConfigSchema {
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;
    private final SecretFields secrets;

    private ConfigSchema(Schema schema, SecretFields secrets) {
        this.schema = schema;
        this.secrets = secrets;
    }

    /**
     * Compiles a schema.
     *
     * @param schemaNode the JSON Schema
     * @return the compiled schema
     */
    public static ConfigSchema compile(JsonNode schemaNode) {
        Schema schema = REGISTRY.getSchema(schemaNode);
        schema.initializeValidators();
        return new ConfigSchema(schema, SecretFields.of(schemaNode));
    }

    /** @return the secret fields */
    public SecretFields secrets() {
        return secrets;
    }

    /**
     * Validates a configuration against the schema.
     *
     * @param config the configuration
     * @return every violation, sorted by path, with secret values masked in messages
     */
    public List<ConfigViolation> validate(JsonNode config) {
        if (config == null || !config.isObject()) {
            return List.of(new ConfigViolation("", "must be a JSON object"));
        }
        Set<ConfigViolation> out = new LinkedHashSet<>();
        for (Error error : schema.validate(config)) {
            out.add(toViolation(error));
        }
        List<ConfigViolation> sorted = new ArrayList<>(secrets.scrubViolations(config, new ArrayList<>(out)));
        sorted.sort(Comparator.comparing(ConfigViolation::path).thenComparing(ConfigViolation::message));
        return sorted;
    }

    private static ConfigViolation toViolation(Error error) {
        String path = pointer(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        String property = error.getProperty();
        switch (keyword) {
            case "required":
                return new ConfigViolation(path + "/" + escape(property), "is required");
            case "additionalProperties":
            case "unevaluatedProperties":
                return new ConfigViolation(path + "/" + escape(property), "is not a known field");
            default:
                return new ConfigViolation(path, clean(error.getMessage()));
        }
    }

    private static String pointer(NodePath path) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            s.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return s.toString();
    }

    private static String escape(String token) {
        return token == null ? "" : token.replace("~", "~0").replace("/", "~1");
    }

    /** Drops the instance-location prefix networknt puts before some messages. */
    private static String clean(String message) {
        if (message == null) {
            return "is invalid";
        }
        int colon = message.indexOf(": ");
        if (message.startsWith("$") || message.startsWith("/")) {
            return colon > 0 ? message.substring(colon + 2) : message;
        }
        return message;
    }
}
