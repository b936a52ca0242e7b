package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** The Aliyun DirectMail connector against a loopback fake of the SingleSendMail RPC API. */
final class AliyunFixture extends HttpFixture {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String id() {
        return "aliyun";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("accessKeyId", "LTAI5tExampleId")
                .put("accessKeySecret", "ali-" + secret)
                .put("accountName", "noreply@mail.example.com")
                .put("endpoint", peer.url("/"))
                .put("timeout", TIMEOUT_MS);
        c.putObject("retry").put("maxAttempts", 1);
        return Json.withTemplates(c, "contentType");
    }

    @Override
    MockResponse success(RecordedRequest request) {
        int n = ids.incrementAndGet();
        return json(200, "{\"EnvId\":\"env-" + n + "\",\"RequestId\":\"req-" + n + "\"}");
    }

    @Override
    MockResponse authFailure() {
        return error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    @Override
    MockResponse providerError(String echo) {
        return error(400, "InvalidMailAddressStatus.Malformed", "The sender address is not verified. " + echo);
    }

    private static MockResponse error(int status, String code, String message) {
        return json(
                status,
                "{\"RequestId\":\"req-" + code + "\",\"HostId\":\"dm.aliyuncs.com\",\"Code\":\"" + code
                        + "\",\"Message\":" + quoted(message) + "}");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        Map<String, String> form = decode(HttpPeer.body(r));
        return new Delivered(
                List.of(form.getOrDefault("ToAddress", "").split(",")),
                Optional.ofNullable(form.get("Subject")),
                Optional.ofNullable(form.get("HtmlBody")),
                form.getOrDefault("TextBody", "") + "\nFromAlias: " + form.get("FromAlias") + "\nReplyTo: "
                        + form.get("ReplyToAddress"),
                HttpPeer.raw(r),
                java.util.stream.Stream.of("AccountName", "FromAlias", "ReplyToAddress", "TagName")
                        .filter(form::containsKey)
                        .map(form::get)
                        .toList());
    }

    static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
