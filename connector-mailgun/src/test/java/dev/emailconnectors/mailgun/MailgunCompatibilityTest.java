package dev.emailconnectors.mailgun;

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

/** Runs the compatibility kit against the Mailgun connector; the peer is a fake Mailgun API on loopback. */
@DisplayName("Mailgun connector: compatibility kit")
class MailgunCompatibilityTest extends EmailConnectorCompatibilityKit {
    private static MailgunPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new MailgunPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected String connectorId() {
        return "mailgun";
    }

    @Override
    protected JsonNode validConfig() {
        return MailgunSendTest.config(peer.url());
    }

    @Override
    protected List<CapturedMessage> received() {
        List<CapturedMessage> out = new ArrayList<>();
        for (RecordedRequest r : peer.requests()) {
            Map<String, List<String>> form = MailgunPeer.form(r);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.getHeaders().names().forEach(n -> headers.put(n, r.getHeaders().values(n)));
            List<String> recipients = new ArrayList<>();
            form.getOrDefault("to", List.of()).forEach(to -> recipients.addAll(List.of(to.split(","))));
            out.add(new CapturedMessage(
                    recipients,
                    Optional.ofNullable(first(form, "subject")),
                    Optional.ofNullable(first(form, "html")),
                    form.containsKey("text") ? first(form, "text") : form.toString(),
                    headers));
        }
        return out;
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null ? null : values.get(0);
    }

    @Override
    protected void resetPeer() {
        peer.reset();
    }
}
