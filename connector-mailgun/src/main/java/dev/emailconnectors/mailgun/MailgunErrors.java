package dev.emailconnectors.mailgun;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.ProviderError;
import dev.emailconnectors.okhttp.ProviderErrorParser;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Mailgun's error answers, {@code {"message": "..."}}, and refines the status mapping where Mailgun's statuses
 * mean something else than usual:
 *
 * <ul>
 *   <li>400 "to parameter is not a valid address": {@link ErrorCode#INVALID_RECIPIENT}.
 *   <li>400 about the 16 kB limit of send options, and 413: {@link ErrorCode#INVALID_PAYLOAD}.
 *   <li>403 (the domain or IP may not send, for example large batches): {@link ErrorCode#PROVIDER_REJECTED}; Mailgun
 *       refuses a wrong key with 401.
 *   <li>404 ("Domain not found", or no JSON for a wrong URL): {@link ErrorCode#INVALID_CONFIG}, the domain or the
 *       endpoint is wrong.
 * </ul>
 *
 * <p>A 429 says when to come back only in its text ("… try again after Mon, 20 Dec 2021 20:33:21 UTC");
 * {@link #withRetryAfter} turns that into {@link EmailConnectorException#retryAfter()}.
 */
final class MailgunErrors {
    private static final Pattern BAD_RECIPIENT = Pattern.compile("(?i)^'?to'? parameter is not a valid address.*");
    private static final Pattern TOO_MANY_OPTIONS = Pattern.compile("(?i).*limited to 16 ?kb.*");
    private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again after (.+?)\\s*$");

    private MailgunErrors() {}

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
        String message = error.message() == null ? "" : error.message();
        return switch (response.status()) {
            case 400 -> BAD_RECIPIENT.matcher(message).matches()
                    ? error.withCode(ErrorCode.INVALID_RECIPIENT)
                    : TOO_MANY_OPTIONS.matcher(message).matches() ? error.withCode(ErrorCode.INVALID_PAYLOAD) : error;
            case 403 -> error.withCode(ErrorCode.PROVIDER_REJECTED);
            case 404 -> error.withCode(ErrorCode.INVALID_CONFIG);
            case 413 -> error.withCode(ErrorCode.INVALID_PAYLOAD);
            default -> error;
        };
    }

    /**
     * Adds the delay a rate-limited answer names in its text, when the answer had no {@code Retry-After} header.
     *
     * @param e a failure
     * @param clock the context's clock
     * @return the failure, with {@code retryAfter} when it is {@link ErrorCode#RATE_LIMITED} and names a later time
     */
    static EmailConnectorException withRetryAfter(EmailConnectorException e, Clock clock) {
        if (e.code() != ErrorCode.RATE_LIMITED || e.retryAfter().isPresent()) {
            return e;
        }
        Matcher m = TRY_AGAIN.matcher(e.detail());
        if (!m.find()) {
            return e;
        }
        try {
            String when = m.group(1).replaceAll("\\s+UTC$", " GMT");
            ZonedDateTime at = ZonedDateTime.parse(when, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? e : e.toBuilder().retryAfter(wait).build();
        } catch (DateTimeParseException ignored) {
            return e;
        }
    }
}
