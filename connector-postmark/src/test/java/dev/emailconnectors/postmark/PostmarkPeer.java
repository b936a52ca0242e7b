package dev.emailconnectors.postmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A fake Postmark API on 127.0.0.1: records every request and answers with queued responses, then with Postmark's
 * success answer ({@code {"To","SubmittedAt","MessageID","ErrorCode":0,"Message":"OK"}}).
 */
final class PostmarkPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Queue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    PostmarkPeer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                MockResponse next = answers.poll();
                if (next != null) {
                    return next;
                }
                String to = json(request).path("To").asText();
                return new MockResponse(
                        200,
                        Headers.of("Content-Type", "application/json; charset=utf-8"),
                        "{\"To\":\"" + to + "\",\"SubmittedAt\":\"2014-02-17T07:25:01.4178645-05:00\","
                                + "\"MessageID\":\"pm-" + ids.incrementAndGet()
                                + "\",\"ErrorCode\":0,\"Message\":\"OK\"}");
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

    PostmarkPeer answer(int status, String body, String... headers) {
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
