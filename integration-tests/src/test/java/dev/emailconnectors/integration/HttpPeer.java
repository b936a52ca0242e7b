package dev.emailconnectors.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An HTTP peer on 127.0.0.1: records every request, answers from a script (then from a default responder), and
 * counts the requests it <em>accepted</em>: those whose 2xx status line it sent at once (a body cut short after it
 * still counts: the provider took the message).
 */
final class HttpPeer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> accepted = new CopyOnWriteArrayList<>();
    private final Queue<MockResponse> script = new ConcurrentLinkedQueue<>();
    private final Function<RecordedRequest, MockResponse> success;
    private volatile Function<RecordedRequest, MockResponse> always;

    HttpPeer(Function<RecordedRequest, MockResponse> success) {
        this.success = success;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                MockResponse r = script.poll();
                if (r == null) {
                    r = always != null ? always.apply(request) : success.apply(request);
                }
                if (r.getCode() / 100 == 2 && clean(r)) {
                    accepted.add(request);
                }
                return r;
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2xx status line that is actually sent (not cut off, not delayed past any timeout) means accepted. */
    private static boolean clean(MockResponse r) {
        return r.getOnResponseStart() == null && r.getHeadersDelayNanos() == 0;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    int port() {
        return server.getPort();
    }

    /** Answers the next requests with these responses, then as before. */
    HttpPeer then(MockResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every request (after the script) with this. */
    HttpPeer always(MockResponse response) {
        this.always = r -> response;
        return this;
    }

    /** Answers every request (after the script) as the given function says. */
    HttpPeer always(Function<RecordedRequest, MockResponse> responder) {
        this.always = responder;
        return this;
    }

    /** @return every request received, in order */
    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the requests accepted (answered 2xx cleanly), in order */
    List<RecordedRequest> accepted() {
        return List.copyOf(accepted);
    }

    /** @return a request's body as text */
    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    /** @return the request as text: request line, headers, blank line, body */
    static String raw(RecordedRequest r) {
        return r.getRequestLine() + "\n" + r.getHeaders() + "\n" + body(r);
    }

    void reset() {
        requests.clear();
        accepted.clear();
        script.clear();
        always = null;
    }

    @Override
    public void close() {
        server.close();
    }
}
