package dev.emailconnectors.mailgun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * A fake Mailgun API on 127.0.0.1: records every request and answers with queued responses, then with Mailgun's
 * success answer ({@code {"id":"<…>","message":"Queued. Thank you."}}). Reads {@code multipart/form-data} bodies.
 */
final class MailgunPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD_NAME = Pattern.compile("name=\"([^\"]*)\"");

    private final MockWebServer server = new MockWebServer();
    private final Queue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    MailgunPeer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                MockResponse next = answers.poll();
                if (next != null) {
                    return next;
                }
                return new MockResponse(
                        200,
                        Headers.of("Content-Type", "application/json"),
                        "{\"id\":\"<20240101.mg-" + ids.incrementAndGet()
                                + "@mg.acme.example>\",\"message\":\"Queued. Thank you.\"}");
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    MailgunPeer answer(int status, String body, String... headers) {
        answers.add(new MockResponse(status, Headers.of(headers), body));
        return this;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(received);
    }

    RecordedRequest only() {
        List<RecordedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    void reset() {
        received.clear();
        answers.clear();
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    /** Parses a {@code multipart/form-data} body into its fields, in order; a repeated field keeps every value. */
    static Map<String, List<String>> form(RecordedRequest request) {
        String boundary =
                MediaType.get(request.getHeaders().get("Content-Type")).parameter("boundary");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                Matcher name = FIELD_NAME.matcher(part.headers().get("Content-Disposition"));
                if (!name.find()) {
                    throw new AssertionError("form part without a name: " + part.headers());
                }
                fields.computeIfAbsent(name.group(1), k -> new ArrayList<>())
                        .add(part.body().readUtf8());
                part.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /** @return the single value of each field */
    static Map<String, String> fields(RecordedRequest request) {
        Map<String, String> single = new LinkedHashMap<>();
        form(request).forEach((k, v) -> {
            if (v.size() != 1) {
                throw new AssertionError("field " + k + " appears " + v.size() + " times");
            }
            single.put(k, v.get(0));
        });
        return single;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(RecordedRequest request) {
        try {
            return JSON.readTree(body(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
