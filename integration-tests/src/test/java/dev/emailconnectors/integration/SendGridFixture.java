package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The SendGrid connector against a loopback fake of the v3 Mail Send API. */
final class SendGridFixture extends HttpFixture {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String id() {
        return "sendgrid";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("apiKey", "SG." + secret)
                .put("fromEmail", "noreply@example.com")
                .put("fromName", "Acme")
                .put("endpoint", peer.url(""))
                .put("timeout", TIMEOUT_MS);
        c.putObject("retry").put("maxAttempts", 1);
        return Json.withTemplates(c, "type");
    }

    @Override
    MockResponse success(RecordedRequest request) {
        return new MockResponse.Builder()
                .code(202)
                .addHeader("X-Message-Id", "sg-" + ids.incrementAndGet())
                .build();
    }

    @Override
    MockResponse providerError(String echo) {
        return json(
                400,
                "{\"errors\":[{\"message\":" + quoted("The from address does not match a verified Sender: " + echo)
                        + ",\"field\":\"from\",\"help\":null}]}");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        JsonNode body = Json.parse(HttpPeer.body(r));
        List<String> recipients = new ArrayList<>();
        body.path("personalizations").forEach(p -> p.path("to")
                .forEach(to -> recipients.add(to.path("email").asText())));
        String html = null;
        StringBuilder text = new StringBuilder();
        for (JsonNode content : body.path("content")) {
            if (content.path("type").asText().equals("text/html")) {
                html = content.path("value").asText();
            } else {
                text.append(content.path("value").asText());
            }
        }
        text.append("\nFrom: ").append(body.path("from")).append("\nReply-To: ").append(body.path("reply_to"));
        return new Delivered(
                recipients,
                Optional.ofNullable(body.path("subject").textValue()),
                Optional.ofNullable(html),
                text.toString(),
                HttpPeer.raw(r),
                texts(body.path("from"), body.path("reply_to"), body.path("reply_to_list")));
    }
}
