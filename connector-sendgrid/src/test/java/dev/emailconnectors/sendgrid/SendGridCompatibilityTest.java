package dev.emailconnectors.sendgrid;

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

/** Runs the compatibility kit against the SendGrid connector; the peer is a fake SendGrid API on loopback. */
@DisplayName("SendGrid connector: compatibility kit")
class SendGridCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static SendGridPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new SendGridPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected String connectorId() {
        return "sendgrid";
    }

    @Override
    protected JsonNode validConfig() {
        return SendGridSendTest.config(peer.url());
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (RecordedRequest r : peer.requests()) {
            JsonNode body = SendGridPeer.json(r);
            List<String> recipients = new ArrayList<>();
            body.path("personalizations").forEach(p -> p.path("to")
                    .forEach(to -> recipients.add(to.path("email").asText())));
            String html = null;
            String text = null;
            for (JsonNode content : body.path("content")) {
                if (content.path("type").asText().equals("text/html")) {
                    html = content.path("value").asText();
                } else {
                    text = content.path("value").asText();
                }
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.getHeaders().names().forEach(n -> headers.put(n, r.getHeaders().values(n)));
            out.add(new CapturedMessage(
                    recipients,
                    Optional.ofNullable(body.path("subject").textValue()),
                    Optional.ofNullable(html),
                    text != null ? text : SendGridPeer.body(r),
                    headers));
        }
        return out;
    }

    @Override
    protected void resetPeer() {
        peer.reset();
    }
}
