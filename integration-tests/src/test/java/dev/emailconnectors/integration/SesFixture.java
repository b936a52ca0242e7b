package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The AWS SES connector with its endpoint overridden to a loopback fake of the SES v2 REST-JSON API. */
final class SesFixture extends HttpFixture {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String id() {
        return "ses";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("accessKeyId", "AKIDEXAMPLE")
                .put("accessKeySecret", "ses-" + secret)
                .put("region", "us-east-1")
                .put("emailAddress", "noreply@example.com")
                .put("endpoint", peer.url(""))
                .put("timeout", TIMEOUT_MS);
        c.putObject("retry").put("maxAttempts", 1);
        return Json.withTemplates(c, "contentType");
    }

    @Override
    MockResponse success(RecordedRequest request) {
        return json(200, "{\"MessageId\":\"ses-" + ids.incrementAndGet() + "\"}", "x-amzn-RequestId", "req-ok");
    }

    /** SES never sends Retry-After (its throttling answers carry none), and the AWS SDK does not read it. */
    @Override
    boolean honoursRetryAfter() {
        return false;
    }

    @Override
    MockResponse authFailure() {
        return error(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Override
    MockResponse providerError(String echo) {
        return error(400, "MessageRejected", "Email address is not verified: " + echo);
    }

    private static MockResponse error(int status, String type, String message) {
        return json(
                status,
                "{\"message\":" + quoted(message) + "}",
                "x-amzn-RequestId",
                "req-" + type,
                "x-amzn-ErrorType",
                type + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        JsonNode body = Json.parse(HttpPeer.body(r));
        List<String> recipients = new ArrayList<>();
        body.path("Destination").path("ToAddresses").forEach(a -> recipients.add(a.asText()));
        JsonNode simple = body.path("Content").path("Simple");
        return new Delivered(
                recipients,
                Optional.ofNullable(simple.path("Subject").path("Data").textValue()),
                Optional.ofNullable(
                        simple.path("Body").path("Html").path("Data").textValue()),
                simple.path("Body").path("Text").path("Data").asText("")
                        + "\nFrom: " + body.path("FromEmailAddress").asText()
                        + "\nReply-To: " + body.path("ReplyToAddresses"),
                HttpPeer.raw(r),
                texts(body.path("FromEmailAddress"), body.path("ReplyToAddresses")));
    }
}
