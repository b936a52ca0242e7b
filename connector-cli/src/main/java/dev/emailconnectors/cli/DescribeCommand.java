package dev.emailconnectors.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.ConnectorMetadata;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code describe <id>}: a connector's metadata and configuration schema. */
@Command(
        name = "describe",
        description = "Show a connector's metadata, its configuration fields and its JSON Schema.",
        sortOptions = false)
final class DescribeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "Connector id or alias, for example smtp.")
    String id;

    @Override
    int execute() {
        ConnectorDescriptor d = catalog().require(id);
        ConnectorMetadata m = d.metadata();
        JsonNode schema = d.configSchema();
        if (json) {
            ObjectNode out = Printer.JSON.createObjectNode().put("ok", true).put("id", m.id());
            ArrayNode aliases = out.putArray("aliases");
            m.aliases().forEach(aliases::add);
            out.put("target", m.target());
            out.set("name", Printer.JSON.valueToTree(new TreeMap<>(m.name())));
            out.set("description", Printer.JSON.valueToTree(new TreeMap<>(m.description())));
            out.put("logo", m.logo()).put("readme", m.readme());
            ArrayNode secrets = out.putArray("secretFields");
            d.secretFields().stream().sorted().forEach(secrets::add);
            out.set("configSchema", schema);
            printer.json(out);
            return 0;
        }
        printer.line(m.id() + " - " + m.name("en"));
        printer.line("aliases: " + (m.aliases().isEmpty() ? "(none)" : String.join(", ", m.aliases())));
        printer.line(m.description("en"));
        printer.line("");
        printer.line("Configuration fields:");
        fields(schema, "");
        printer.line("");
        printer.line(m.readme().strip());
        printer.line("");
        printer.line("JSON Schema:");
        try {
            printer.line(Printer.JSON.writeValueAsString(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }

    private void fields(JsonNode schema, String prefix) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            JsonNode f = p.getValue();
            StringBuilder line = new StringBuilder("  " + prefix + p.getKey() + " (" + type(f));
            if (required.contains(p.getKey())) {
                line.append(", required");
            }
            if (f.path("writeOnly").asBoolean(false)) {
                line.append(", secret");
            }
            if (f.has("default")) {
                line.append(", default ").append(f.get("default"));
            }
            line.append(")");
            if (f.hasNonNull("description")) {
                line.append(": ").append(f.get("description").asText());
            }
            printer.line(line.toString());
            if (f.path("properties").isObject()) {
                fields(f, prefix + p.getKey() + ".");
            }
        }
    }

    private static String type(JsonNode field) {
        if (field.has("enum")) {
            StringBuilder values = new StringBuilder("one of");
            field.get("enum").forEach(v -> values.append(' ').append(v));
            return values.toString();
        }
        JsonNode type = field.path("type");
        if (type.isArray()) {
            StringBuilder t = new StringBuilder();
            type.forEach(v -> t.append(t.length() == 0 ? "" : "|").append(v.asText()));
            return t.toString();
        }
        return type.isTextual() ? type.asText() : "any";
    }
}
