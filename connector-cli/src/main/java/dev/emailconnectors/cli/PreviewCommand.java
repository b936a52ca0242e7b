package dev.emailconnectors.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.TemplatePreview;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.RenderedEmail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preview <id> --template TYPE --out DIR}: renders without sending. */
@Command(
        name = "preview",
        description = {
            "Render a message without sending it: writes subject.txt, body.html (for HTML templates) and body.txt",
            "into the output directory, and lists the placeholders the payload could not fill.",
            "The code defaults to 123456 (no code for OrganizationInvitation, which usually has none)."
        },
        sortOptions = false)
final class PreviewCommand extends ConfiguredCommand {
    @Parameters(index = "0", paramLabel = "<id>", description = "Connector id or alias.")
    String id;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration JSON file, or - for standard input (default: an empty configuration).")
    String config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the files to.")
    Path out;

    @Mixin
    MessageOptions message;

    @Override
    int execute() {
        ConnectorDescriptor d = catalog().require(id);
        JsonNode cfg = requireValid(d, load(d, config));
        TemplatePreview preview =
                d.preview(cfg, message.template, message.build(sampleCode()), ConnectorContext.defaults());
        RenderedEmail email = preview.email();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(out);
            files.add(write("subject.txt", email.subject() + "\n"));
            email.html().ifPresent(html -> files.add(write("body.html", html)));
            files.add(write("body.txt", email.text() + "\n"));
        } catch (IOException e) {
            throw CliException.usage("Cannot write to " + out + ": " + e.getMessage());
        }
        if (json) {
            ObjectNode o = Printer.JSON.createObjectNode().put("ok", true).put("connectorId", d.id());
            o.put("template", email.usageType().wireName()).put("subject", email.subject());
            ArrayNode written = o.putArray("files");
            files.forEach(f -> written.add(f.toString()));
            ArrayNode unresolved = o.putArray("unresolvedPlaceholders");
            preview.unresolvedPlaceholders().forEach(unresolved::add);
            printer.json(o);
            return 0;
        }
        printer.line("Subject: " + email.subject());
        files.forEach(f -> printer.line("Wrote " + f));
        if (preview.unresolvedPlaceholders().isEmpty()) {
            printer.line("Every placeholder was filled.");
        } else {
            printer.line("Unresolved placeholders: " + String.join(", ", preview.unresolvedPlaceholders()));
        }
        return 0;
    }

    /** A sample code, except for invitations, which usually carry only a link. */
    private String sampleCode() {
        return message.template == TemplateType.ORGANIZATION_INVITATION ? null : "123456";
    }

    private Path write(String name, String content) {
        Path file = out.resolve(name).toAbsolutePath().normalize();
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("Cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
