package dev.emailconnectors.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.ProviderError;
import dev.emailconnectors.okhttp.ProviderErrorParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads SendGrid's error answers, {@code {"errors":[{"message","field","help"}],"id"}}: every error's field and
 * message go into the exception message, and a few answers get a more precise code than their HTTP status.
 *
 * <ul>
 *   <li>413 (content too large): {@link ErrorCode#INVALID_PAYLOAD}.
 *   <li>403 about the {@code from} field (the sender is not a verified Sender Identity):
 *       {@link ErrorCode#PROVIDER_REJECTED}, not an authentication failure; the key was accepted.
 *   <li>400 whose every error is about a recipient ({@code personalizations.N.to…}):
 *       {@link ErrorCode#INVALID_RECIPIENT}.
 * </ul>
 */
final class SendGridErrors {
    private static final Pattern RECIPIENT_FIELD = Pattern.compile("personalizations\\.\\d+\\.to(\\..*)?");

    private SendGridErrors() {}

    /**
     * Returns the parser of this provider's error answers, which first masks the given credentials in the answer,
     * so that an echoed credential cannot survive even partly (for example cut off where a long message is
     * shortened).
     *
     * @param credentials the values to mask: the secret and any encoded form sent on the wire
     * @return the parser
     */
    static ProviderErrorParser parser(String... credentials) {
        return response -> {
            String body = response.body();
            for (String c : credentials) {
                if (c != null && !c.isEmpty()) {
                    body = body.replace(c, "***");
                }
            }
            return parse(new HttpResponse(response.status(), response.headers(), body));
        };
    }

    static ProviderError parse(HttpResponse response) {
        ProviderError error = ProviderErrorParser.standard().parse(response);
        if (response.status() == 413) {
            error = error.withCode(ErrorCode.INVALID_PAYLOAD);
        }
        JsonNode json = response.tryJson().orElse(null);
        if (json == null
                || !json.path("errors").isArray()
                || json.path("errors").isEmpty()) {
            return error;
        }
        List<String> messages = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (JsonNode e : json.get("errors")) {
            String field = e.path("field").isTextual() ? e.get("field").asText() : null;
            String message = e.path("message").asText("").trim();
            fields.add(field == null ? "" : field);
            messages.add(field == null || field.isEmpty() ? message : field + ": " + message);
        }
        error = error.withMessage(String.join("; ", messages));
        if (json.path("id").isTextual()) {
            error = error.withRequestId(json.get("id").asText());
        }
        if (response.status() == 403 && fields.contains("from")) {
            return error.withCode(ErrorCode.PROVIDER_REJECTED);
        }
        if (response.status() == 400
                && fields.stream().allMatch(f -> RECIPIENT_FIELD.matcher(f).matches())) {
            return error.withCode(ErrorCode.INVALID_RECIPIENT);
        }
        return error;
    }
}
