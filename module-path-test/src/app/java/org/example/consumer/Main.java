package org.example.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.EmailConnectorProvider;
import java.util.ServiceLoader;

/**
 * Lists the connector providers found through {@code uses}/{@code provides}, the catalog built from them and the
 * problems of providers that failed, validates an empty configuration with each (which loads its schema from its
 * module), and sends one message through the JSON-lines connector when it is present. One fact per line.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        for (ServiceLoader.Provider<EmailConnectorProvider> p :
                ServiceLoader.load(EmailConnectorProvider.class).stream().toList()) {
            Module module = p.type().getModule();
            System.out.println("provider " + p.type().getName() + " " + (module.isNamed() ? module.getName() : "-"));
            try {
                p.get();
            } catch (java.util.ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                System.out.println("failed " + p.type().getName() + " " + root);
            }
        }
        ConnectorCatalog catalog = EmailConnectors.discover();
        for (String problem : catalog.problems()) {
            System.out.println("problem " + problem.replace('\n', ' '));
        }
        ObjectMapper json = new ObjectMapper();
        for (ConnectorDescriptor connector : catalog.providers()) {
            int violations = connector.validate(json.createObjectNode()).violations().size();
            System.out.println("connector " + connector.id() + " " + violations);
        }
        if (args.length > 0 && catalog.find("jsonl-file").isPresent()) {
            ObjectNode config = json.createObjectNode().put("file", args[0]).put("fromEmail", "app@example.org");
            for (String type : new String[] {"Register", "SignIn", "ForgotPassword", "Generic"}) {
                config.withArray("templates")
                        .addObject()
                        .put("usageType", type)
                        .put("subject", "Code {{code}}")
                        .put("content", "Your code is {{code}}");
            }
            try (EmailConnector connector = catalog.create("jsonl-file", config)) {
                SendResult result = connector.sendMessage(
                        TemplateType.SIGN_IN, "user@example.org", Payload.builder().code("246810").build());
                System.out.println("sent " + result.connectorId());
            }
        }
    }
}
