package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.ConnectorMetadata;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code list}: the connectors on the class path. */
@Command(name = "list", description = "List the available connectors: id, aliases and name.", sortOptions = false)
final class ListCommand extends BaseCommand {

    @Override
    int execute() {
        List<ConnectorDescriptor> all = catalog().providers();
        if (json) {
            ArrayNode array = Printer.JSON.createArrayNode();
            for (ConnectorDescriptor d : all) {
                ConnectorMetadata m = d.metadata();
                ObjectNode o = array.addObject().put("id", m.id());
                ArrayNode aliases = o.putArray("aliases");
                m.aliases().forEach(aliases::add);
                o.put("name", m.name("en")).put("description", m.description("en"));
            }
            ObjectNode out = Printer.JSON.createObjectNode().put("ok", true);
            out.set("connectors", array);
            ArrayNode problems = out.putArray("problems");
            catalog().problems().forEach(problems::add);
            printer.json(out);
            return 0;
        }
        int idWidth = 2;
        int aliasWidth = 7;
        for (ConnectorDescriptor d : all) {
            idWidth = Math.max(idWidth, d.id().length());
            aliasWidth = Math.max(
                    aliasWidth, String.join(", ", d.metadata().aliases()).length());
        }
        String format = "%-" + idWidth + "s  %-" + aliasWidth + "s  %s";
        printer.line(String.format(format, "ID", "ALIASES", "NAME"));
        for (ConnectorDescriptor d : all) {
            printer.line(String.format(
                    format,
                    d.id(),
                    String.join(", ", d.metadata().aliases()),
                    d.metadata().name("en")));
        }
        catalog().problems().forEach(p -> printer.error("warning: a connector failed to load: " + p));
        return 0;
    }
}
