package org.example.jsonl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends one sign-in message through the JSON-lines connector and prints the line it wrote. */
public final class Demo {
    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args optional recipient address
     * @throws Exception when writing fails
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of("target", "demo-messages.jsonl");
        ObjectNode config = new ObjectMapper()
                .createObjectNode()
                .put("file", file.toString())
                .put("fromEmail", "noreply@example.com");
        for (String type : new String[] {"Register", "SignIn", "ForgotPassword", "Generic"}) {
            config.withArray("templates")
                    .addObject()
                    .put("usageType", type)
                    .put("subject", "Your {{application.name}} code is {{code}}")
                    .put("content", "<p>Use <b>{{code}}</b> to continue.</p>")
                    .put("contentType", "text/html");
        }
        ConnectorCatalog catalog = EmailConnectors.discover();
        try (EmailConnector connector = catalog.create("jsonl-file", config)) {
            SendResult result = connector.sendMessage(
                    TemplateType.SIGN_IN,
                    args.length > 0 ? args[0] : "you@example.com",
                    Payload.builder()
                            .code("123456")
                            .put("application", java.util.Map.of("name", "Acme"))
                            .build());
            System.out.println("Accepted: " + result);
        }
        System.out.println("Wrote " + file.toAbsolutePath() + ":");
        System.out.println(Files.readAllLines(file).get(Files.readAllLines(file).size() - 1));
    }
}
