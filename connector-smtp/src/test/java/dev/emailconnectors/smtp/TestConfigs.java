package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.List;

/** Configurations and connectors for the tests. */
final class TestConfigs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    static final String USER = "mailer@example.com";
    static final String PASS = "Pa55-word-for-tests";
    static final String TO = "someone@example.com";

    private TestConfigs() {}

    /** @return a configuration for host:port with the four required text templates and no TLS or auth settings */
    static ObjectNode base(String host, int port) {
        ObjectNode config = JSON.createObjectNode()
                .put("host", host)
                .put("port", port)
                .put("fromEmail", "Example App <noreply@example.com>");
        ArrayNode templates = config.putArray("templates");
        for (TemplateType type : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("contentType", "text/plain")
                    .put("subject", type.wireName() + " code {{code}}")
                    .put("content", "Your " + type.wireName() + " code is {{code}}.");
        }
        return config;
    }

    /** @return {@link #base} on 127.0.0.1 without TLS (for servers that offer none) */
    static ObjectNode plain(int port) {
        return base("127.0.0.1", port).put("ignoreTLS", true);
    }

    /** Adds login credentials. */
    static ObjectNode login(ObjectNode config, String user, String pass) {
        config.putObject("auth").put("type", "login").put("user", user).put("pass", pass);
        return config;
    }

    static ObjectNode pool(ObjectNode config, int maxConnections, int maxMessages, long idleTimeoutMillis) {
        config.putObject("pool")
                .put("maxConnections", maxConnections)
                .put("maxMessagesPerConnection", maxMessages)
                .put("idleTimeout", idleTimeoutMillis);
        return config;
    }

    static EmailConnector create(JsonNode config) {
        return CATALOG.create("smtp", config);
    }

    static EmailConnector create(JsonNode config, ConnectorContext context) {
        return CATALOG.create("smtp", config, context);
    }
}
