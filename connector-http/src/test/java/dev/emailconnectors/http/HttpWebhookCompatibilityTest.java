package dev.emailconnectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.testkit.Capability;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the compatibility kit against the webhook connector, posting to a MockWebServer on loopback. */
@DisplayName("HTTP webhook connector: compatibility kit")
class HttpWebhookCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Receiver RECEIVER = new Receiver();

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Override
    protected String connectorId() {
        return "http";
    }

    @Override
    protected JsonNode validConfig() {
        ObjectNode config = JSON.createObjectNode()
                .put("endpoint", RECEIVER.url("/hooks/email"))
                .put("authorization", "Bearer kit-token-5d1c");
        config.putObject("headers").put("X-Tenant-Key", "tenant-key-81aa");
        config.putArray("signingSecrets").add("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        config.put("timeout", 10_000);
        return config;
    }

    /** The webhook forwards the raw payload and does not render templates. */
    @Override
    protected Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (RecordedRequest r : RECEIVER.requests()) {
            JsonNode body = Receiver.json(r);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.getHeaders().names().forEach(n -> headers.put(n, r.getHeaders().values(n)));
            out.add(new CapturedMessage(
                    List.of(body.path("to").asText()), Optional.empty(), Optional.empty(), Receiver.body(r), headers));
        }
        return out;
    }

    @Override
    protected void resetPeer() {
        RECEIVER.reset();
    }
}
