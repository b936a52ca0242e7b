package dev.emailconnectors.postmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.testkit.CapturedMessage;
import dev.emailconnectors.testkit.EmailConnectorCompatibilityKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the compatibility kit against the Postmark connector; the peer is a fake Postmark API on loopback. */
@DisplayName("Postmark connector: compatibility kit")
class PostmarkCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static PostmarkPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new PostmarkPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected String connectorId() {
        return "postmark";
    }

    @Override
    protected JsonNode validConfig() {
        return PostmarkSendTest.config(peer.url());
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (RecordedRequest r : peer.requests()) {
            JsonNode body = PostmarkPeer.json(r);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.getHeaders().names().forEach(n -> headers.put(n, r.getHeaders().values(n)));
            out.add(new CapturedMessage(
                    List.of(body.path("To").asText().split(",")),
                    Optional.ofNullable(body.path("Subject").textValue()),
                    Optional.ofNullable(body.path("HtmlBody").textValue()),
                    body.has("TextBody") ? body.get("TextBody").asText() : PostmarkPeer.body(r),
                    headers));
        }
        return out;
    }

    @Override
    protected void resetPeer() {
        peer.reset();
    }
}
