package dev.emailconnectors.ses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the compatibility kit against the SES connector; the peer is a fake SES v2 endpoint on loopback. */
@DisplayName("AWS SES connector: compatibility kit")
class SesCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static SesPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new SesPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected String connectorId() {
        return "ses";
    }

    @Override
    protected JsonNode validConfig() {
        return peer.config();
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (SesPeer.Call call : peer.calls()) {
            JsonNode body = call.body();
            List<String> recipients = new ArrayList<>();
            for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
                body.path("Destination").path(field).forEach(a -> recipients.add(a.asText()));
            }
            JsonNode simple = body.path("Content").path("Simple");
            JsonNode html = simple.path("Body").path("Html").path("Data");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            call.headers().toMultimap().forEach(headers::put);
            out.add(new CapturedMessage(
                    recipients,
                    Optional.ofNullable(simple.path("Subject").path("Data").textValue()),
                    Optional.ofNullable(html.textValue()),
                    simple.path("Body").path("Text").path("Data").asText(""),
                    headers));
        }
        return out;
    }

    @Override
    protected void resetPeer() {
        peer.reset();
    }
}
