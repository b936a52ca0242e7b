package dev.emailconnectors.okhttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A MockWebServer on 127.0.0.1 with small helpers for the transport tests. */
final class MockServer implements AutoCloseable {
    final MockWebServer server = new MockWebServer();

    MockServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:port/path} */
    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /** @return {@code http://localhost:port/path}, a host name that resolves to loopback */
    String localhostUrl(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    MockServer enqueue(int status, String body, String... headers) {
        server.enqueue(new MockResponse(status, Headers.of(headers), body));
        return this;
    }

    MockServer enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    int requestCount() {
        return server.getRequestCount();
    }

    /** Takes every request received so far. */
    List<RecordedRequest> requests() {
        List<RecordedRequest> out = new ArrayList<>();
        try {
            RecordedRequest r;
            while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
                out.add(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        server.close();
    }
}
