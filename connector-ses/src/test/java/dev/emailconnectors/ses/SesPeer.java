package dev.emailconnectors.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A fake SES v2 endpoint on loopback: records every request and answers from a script (default: success). */
final class SesPeer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /** One request as SES would see it. */
    record Call(String method, String path, Headers headers, JsonNode body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile MockResponse always;

    SesPeer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                calls.add(record(request));
                return next();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Call record(RecordedRequest request) {
        try {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            JsonNode json = body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            return new Call(request.getMethod(), request.getUrl().encodedPath(), request.getHeaders(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized MockResponse next() {
        MockResponse scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        return always != null ? always : ok("0100018c-" + ids.incrementAndGet());
    }

    /** @return the endpoint override pointing here */
    String endpoint() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Answers the next requests with these responses, then falls back to the default. */
    synchronized SesPeer then(MockResponse... responses) {
        script.addAll(List.of(responses));
        return this;
    }

    /** Answers every request with this response. */
    SesPeer always(MockResponse response) {
        this.always = response;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        calls.clear();
        script.clear();
        always = null;
    }

    @Override
    public void close() {
        server.close();
    }

    static MockResponse ok(String messageId) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "req-ok-" + messageId)
                .body("{\"MessageId\":\"" + messageId + "\"}")
                .build();
    }

    /** An SES error as the REST-JSON protocol sends it: the type in {@code x-amzn-ErrorType}. */
    static MockResponse error(int status, String type, String message) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "req-" + type)
                .addHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/")
                .body("{\"message\":\"" + message + "\"}")
                .build();
    }

    /** An SES error with the type only in the body's {@code __type} field. */
    static MockResponse errorInBody(int status, String type, String message) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "req-" + type)
                .body("{\"__type\":\"com.amazonaws.sesv2#" + type + "\",\"message\":\"" + message + "\"}")
                .build();
    }

    /** A configuration that sends here with static keys and the four required text templates. */
    ObjectNode config() {
        ObjectNode config = JSON.createObjectNode()
                .put("accessKeyId", ACCESS_KEY_ID)
                .put("accessKeySecret", SECRET)
                .put("region", "us-east-1")
                .put("emailAddress", "noreply@example.com")
                .put("endpoint", endpoint());
        var templates = config.putArray("templates");
        for (TemplateType type : List.of(
                TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC)) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("subject", type.wireName() + " code {{code}}")
                    .put("content", "Your code is {{code}}.")
                    .put("contentType", "text/plain");
        }
        return config;
    }
}
