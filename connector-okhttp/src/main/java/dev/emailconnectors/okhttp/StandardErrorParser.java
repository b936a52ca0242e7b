package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The parser behind {@link ProviderErrorParser#standard()}. */
enum StandardErrorParser implements ProviderErrorParser {
    INSTANCE;

    private static final int MAX_MESSAGE = 500;
    private static final List<String> MESSAGE_POINTERS = List.of(
            "/message",
            "/Message",
            "/error/message",
            "/error",
            "/errors/0/message",
            "/errors/0",
            "/error_description",
            "/detail",
            "/title");
    private static final List<String> CODE_POINTERS = List.of("/ErrorCode", "/Code", "/code", "/error/code");
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("X-Request-Id", "X-Amzn-RequestId", "X-Amz-Request-Id", "X-Message-Id");

    @Override
    public ProviderError parse(HttpResponse response) {
        Optional<JsonNode> json = response.tryJson();
        String message = json.map(j -> first(j, MESSAGE_POINTERS)).orElse(null);
        if (message == null && !response.body().isBlank()) {
            message = response.body();
        }
        String code = json.map(j -> first(j, CODE_POINTERS)).orElse(null);
        String requestId = json.map(j -> first(j, List.of("/RequestId", "/requestId", "/request_id")))
                .orElse(null);
        for (String header : REQUEST_ID_HEADERS) {
            if (requestId == null) {
                requestId = response.headers().get(header);
            }
        }
        return new ProviderError(shorten(message), code, requestId, null);
    }

    private static String first(JsonNode json, List<String> pointers) {
        for (String pointer : pointers) {
            JsonNode v = json.at(pointer);
            if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }

    /** Removes control characters and shortens long bodies (HTML error pages, stack traces). */
    static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        if (oneLine.isEmpty()) {
            return null;
        }
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
