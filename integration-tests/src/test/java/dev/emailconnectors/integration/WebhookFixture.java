package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The HTTP webhook connector posting to a loopback receiver. */
final class WebhookFixture extends HttpFixture {

    @Override
    public String id() {
        return "http";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("endpoint", peer.url("/hooks/email"))
                .put("authorization", "Bearer " + secret)
                .put("timeout", TIMEOUT_MS);
        c.putObject("headers").put("X-Api-Key", "hdr-" + secret);
        c.putArray("signingSecrets").add("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        c.putObject("retry").put("maxAttempts", 1);
        return c;
    }

    @Override
    public boolean rendersTemplates() {
        return false;
    }

    @Override
    MockResponse success(RecordedRequest request) {
        return json(200, "{\"ok\":true}");
    }

    @Override
    MockResponse providerError(String echo) {
        return json(400, "{\"error\":\"bad request\",\"detail\":" + quoted("received " + echo) + "}");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        JsonNode body = Json.parse(HttpPeer.body(r));
        return new Delivered(
                List.of(body.path("to").asText()),
                Optional.empty(),
                Optional.empty(),
                body.toString(),
                HttpPeer.raw(r));
    }
}
