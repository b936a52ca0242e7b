package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The Postmark connector against a loopback fake of the email API. */
final class PostmarkFixture extends HttpFixture {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String id() {
        return "postmark";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("serverToken", "pm-" + secret)
                .put("fromEmail", "noreply@example.com")
                .put("endpoint", peer.url(""))
                .put("timeout", TIMEOUT_MS);
        c.putObject("retry").put("maxAttempts", 1);
        return Json.withTemplates(c, "contentType");
    }

    /** A 403 without a Postmark ErrorCode comes from a security layer, not from the token check. */
    @Override
    Map<String, ErrorCode> expectationOverrides() {
        return Map.of("403 forbidden", ErrorCode.PROVIDER_REJECTED);
    }

    @Override
    MockResponse success(RecordedRequest request) {
        return json(
                200,
                "{\"To\":\"x\",\"SubmittedAt\":\"2024-01-01T00:00:00Z\",\"MessageID\":\"pm-" + ids.incrementAndGet()
                        + "\",\"ErrorCode\":0,\"Message\":\"OK\"}");
    }

    @Override
    MockResponse authFailure() {
        return json(401, "{\"ErrorCode\":10,\"Message\":\"The Server Token you provided is invalid.\"}");
    }

    @Override
    MockResponse providerError(String echo) {
        return json(422, "{\"ErrorCode\":300,\"Message\":" + quoted("Invalid email request. " + echo) + "}");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        JsonNode body = Json.parse(HttpPeer.body(r));
        return new Delivered(
                List.of(body.path("To").asText().split(",")),
                Optional.ofNullable(body.path("Subject").textValue()),
                Optional.ofNullable(body.path("HtmlBody").textValue()),
                body.path("TextBody").asText("") + "\nFrom: "
                        + body.path("From").asText() + "\nReply-To: "
                        + body.path("ReplyTo").asText(),
                HttpPeer.raw(r),
                texts(body.path("From"), body.path("ReplyTo"), body.path("Headers")));
    }
}
