package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.spi.ConnectorContext;
import java.nio.file.Path;
import java.util.Map;

/** Shared test values. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    static final String LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
            + "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private Fixtures() {}

    /** @return a full branding configuration */
    static ObjectNode branding() {
        return JSON.createObjectNode()
                .put("senderName", "Acme Cloud")
                .put("companyInformation", "Acme Cloud S.A., 1 Main Street, Springfield")
                .put("appLogo", LOGO)
                .put("primaryColor", "#0E7C66");
    }

    /** @return a payload that fills every placeholder the built-in templates use */
    static Payload fullPayload(String locale) {
        return Payload.builder()
                .code("493817")
                .link("https://auth.example.com/verify?token=abc&x=1")
                .locale(locale)
                .put("organization", Map.of("name", "Globex"))
                .put("inviter", Map.of("name", "Grace Hopper"))
                .build();
    }

    /** @return a context whose outbox is the directory */
    static ConnectorContext outbox(Path dir) {
        return ConnectorContext.builder()
                .operatorSettings("builtin", JSON.createObjectNode().put("outbox", dir.toString()))
                .build();
    }
}
