package dev.emailconnectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A webhook receiver on 127.0.0.1: a MockWebServer whose dispatcher records every request and answers with queued
 * responses, then 200.
 */
final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    private final Queue<RecordedRequest> received = new ConcurrentLinkedQueue<>();
    private final Queue<MockResponse> answers = new ConcurrentLinkedQueue<>();

    Receiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                MockResponse next = answers.poll();
                return next != null ? next : new MockResponse(200, Headers.of(), "ok");
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    String localhostUrl(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    Receiver answer(int status, String body, String... headers) {
        answers.add(new MockResponse(status, Headers.of(headers), body));
        return this;
    }

    Receiver answer(MockResponse response) {
        answers.add(response);
        return this;
    }

    List<RecordedRequest> requests() {
        return List.copyOf(received);
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

    static Function<String, String> headers(RecordedRequest request) {
        return request.getHeaders()::get;
    }

    @Override
    public void close() {
        server.close();
    }
}
