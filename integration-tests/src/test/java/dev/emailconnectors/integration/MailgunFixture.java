package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/** The Mailgun connector against a loopback fake of the messages API (multipart form). */
final class MailgunFixture extends HttpFixture {
    private static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\"");
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public String id() {
        return "mailgun";
    }

    @Override
    public ObjectNode config(String secret) {
        ObjectNode c = Json.object()
                .put("domain", "mg.example.com")
                .put("apiKey", "key-" + secret)
                .put("from", "Acme <noreply@mg.example.com>")
                .put("endpoint", peer.url(""))
                .put("timeout", TIMEOUT_MS);
        c.putObject("retry").put("maxAttempts", 1);
        ObjectNode deliveries = c.putObject("deliveries");
        for (TemplateType t : TemplateType.values()) {
            deliveries
                    .putObject(t.wireName())
                    .put("subject", t.wireName() + " for {{user.name}}: {{code}}")
                    .put("html", "<p>Hello {{user.name}}, your code is <b>{{code}}</b>.</p><p>{{link}}</p>");
        }
        return c;
    }

    /** Mailgun's 403 means the domain may not send (a wrong key is 401): the connector calls it a rejection. */
    @Override
    Map<String, ErrorCode> expectationOverrides() {
        return Map.of("403 forbidden", ErrorCode.PROVIDER_REJECTED);
    }

    @Override
    MockResponse success(RecordedRequest request) {
        return json(200, "{\"id\":\"<mg-" + ids.incrementAndGet() + "@mg.example.com>\",\"message\":\"Queued.\"}");
    }

    @Override
    MockResponse authFailure() {
        return new MockResponse.Builder().code(401).body("Forbidden").build();
    }

    @Override
    MockResponse providerError(String echo) {
        return json(400, "{\"message\":" + quoted("from parameter is not a valid address. " + echo) + "}");
    }

    @Override
    Delivered parse(RecordedRequest r) {
        Map<String, List<String>> form = form(r);
        List<String> to = new ArrayList<>();
        form.getOrDefault("to", List.of()).forEach(t -> to.addAll(List.of(t.split(","))));
        return new Delivered(
                to,
                Optional.ofNullable(first(form, "subject")),
                Optional.ofNullable(first(form, "html")),
                form.toString(),
                HttpPeer.raw(r),
                form.entrySet().stream()
                        .filter(e -> e.getKey().equals("from") || e.getKey().startsWith("h:"))
                        .flatMap(e -> e.getValue().stream())
                        .toList());
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Map<String, List<String>> form(RecordedRequest request) {
        String boundary =
                MediaType.get(request.getHeaders().get("Content-Type")).parameter("boundary");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                Matcher name = FIELD.matcher(String.valueOf(part.headers().get("Content-Disposition")));
                String key = name.find() ? name.group(1) : "?";
                fields.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(part.body().readUtf8());
                part.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
