package dev.emailconnectors.sendgrid;

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
 * A fake SendGrid API on 127.0.0.1: records every request and answers with queued responses, then with SendGrid's
 * success answer (202, empty body, {@code X-Message-Id}).
 */
final class SendGridPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Queue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    SendGridPeer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                MockResponse next = answers.poll();
                return next != null
                        ? next
                        : new MockResponse(202, Headers.of("X-Message-Id", "sg-" + ids.incrementAndGet()), "");
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

    SendGridPeer answer(int status, String body, String... headers) {
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
