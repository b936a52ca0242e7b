package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A provider's answer, fully read: status, headers and body text. {@link HttpTransport#execute(okhttp3.Request)}
 * returns only successful (2xx) answers; a {@link ProviderErrorParser} sees the others.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body decoded as text (the charset of its content type, else UTF-8); empty when there is none
 */
public record HttpResponse(int status, Headers headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks for nulls. */
    public HttpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** @return true for a 2xx status */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /**
     * Returns a header value.
     *
     * @param name the header name, in any case
     * @return the last value of the header, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * Parses the body as JSON. Use it to read a success answer: a body that is not JSON fails as
     * {@link ErrorCode#INVALID_RESPONSE}.
     *
     * @return the parsed body
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_RESPONSE} when the body is empty or not JSON
     */
    public JsonNode json() {
        return tryJson().orElseThrow(() -> EmailConnectorException.builder(
                        ErrorCode.INVALID_RESPONSE,
                        "The provider answered HTTP " + status + " with a body that is not JSON")
                .providerStatus(status)
                .build());
    }

    /**
     * Parses the body as JSON, for reading error answers that may or may not be JSON.
     *
     * @return the parsed body, or empty when it is empty or not JSON
     */
    public Optional<JsonNode> tryJson() {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(n -> !n.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Shows the status and the body length only; bodies may carry personal data. */
    @Override
    public String toString() {
        return "HttpResponse{status=" + status + ", body=" + body.length() + " chars}";
    }
}
