package dev.emailconnectors.integration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** A connector that talks HTTP to an {@link HttpPeer}; subclasses say how the provider answers and what it got. */
abstract class HttpFixture implements Fixture {
    /** The timeout every HTTP fixture configures, in milliseconds. */
    static final int TIMEOUT_MS = 1500;

    final HttpPeer peer = new HttpPeer(this::success);

    /** @return the provider's success answer to a request */
    abstract MockResponse success(RecordedRequest request);

    /** @return what the peer got in one accepted request */
    abstract Delivered parse(RecordedRequest request);

    /**
     * Lists the faults for which this provider documents a different, deliberate mapping (fault name to code).
     *
     * @return the overrides; none by default
     */
    Map<String, dev.emailconnectors.ErrorCode> expectationOverrides() {
        return Map.of();
    }

    /** @return whether the connector reports a provider's {@code Retry-After} as {@code retryAfter()} */
    boolean honoursRetryAfter() {
        return true;
    }

    /** @return the provider's answer to bad credentials */
    MockResponse authFailure() {
        return json(401, "{\"message\":\"invalid credentials\"}");
    }

    /** @return the provider's answer to a request it refuses (400), echoing a text */
    abstract MockResponse providerError(String echo);

    @Override
    public List<Delivered> delivered() {
        return peer.accepted().stream().map(this::parse).toList();
    }

    @Override
    public List<String> wire() {
        return peer.requests().stream().map(HttpPeer::raw).toList();
    }

    @Override
    public void failAuthentication() {
        peer.always(authFailure());
    }

    /**
     * Answers with the provider's error, whose text also echoes every credential the request carried on the wire
     * (headers such as {@code Authorization} or API-key headers), as a careless provider or proxy might.
     */
    @Override
    public void failWithProviderError(String echo) {
        peer.always(request -> providerError(echo + " " + credentialsOnTheWire(request)));
    }

    private static String credentialsOnTheWire(RecordedRequest request) {
        StringBuilder s = new StringBuilder();
        for (String name : request.getHeaders().names()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("auth") || lower.contains("key") || lower.contains("token")) {
                s.append(name)
                        .append('=')
                        .append(request.getHeaders().get(name))
                        .append(' ');
            }
        }
        return s.toString().trim();
    }

    @Override
    public void hang() {
        peer.always(success(null)
                .newBuilder()
                .headersDelay(TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS)
                .build());
    }

    @Override
    public void reset() {
        peer.reset();
    }

    @Override
    public void close() {
        peer.close();
    }

    static MockResponse json(int status, String body, String... headers) {
        return new MockResponse.Builder()
                .code(status)
                .headers(Headers.of(headers))
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** @return every string inside the given JSON values (objects and arrays walked) */
    static List<String> texts(com.fasterxml.jackson.databind.JsonNode... nodes) {
        List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : nodes) {
            collect(n, out);
        }
        return out;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isContainerNode()) {
            n.forEach(child -> collect(child, out));
        }
    }

    /** Escapes a text for a JSON string literal. */
    static String quoted(String text) {
        return Json.MAPPER.getNodeFactory().textNode(text).toString();
    }

    @Override
    public String toString() {
        return id();
    }
}
