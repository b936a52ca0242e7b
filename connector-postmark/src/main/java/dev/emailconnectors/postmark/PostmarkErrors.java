package dev.emailconnectors.postmark;

import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.okhttp.HttpResponse;
import dev.emailconnectors.okhttp.ProviderError;
import dev.emailconnectors.okhttp.ProviderErrorParser;

/**
 * Reads Postmark's error answers, {@code {"ErrorCode": <int>, "Message": "..."}}: the message goes into the
 * exception message, the {@code ErrorCode} rides on the exception as the provider error code and chooses the
 * {@link ErrorCode} of 4xx answers. 429 stays {@link ErrorCode#RATE_LIMITED} and 5xx
 * {@link ErrorCode#PROVIDER_UNAVAILABLE} whatever the body says.
 *
 * <table>
 *   <caption>Postmark ErrorCode to ErrorCode</caption>
 *   <tr><td>10 (bad or missing server token)</td><td>{@link ErrorCode#AUTHENTICATION_FAILED}</td></tr>
 *   <tr><td>100 (maintenance)</td><td>{@link ErrorCode#PROVIDER_UNAVAILABLE}</td></tr>
 *   <tr><td>300 (invalid email request)</td><td>{@link ErrorCode#PROVIDER_REJECTED}</td></tr>
 *   <tr><td>400, 401 (sender signature not found or not confirmed)</td><td>{@link ErrorCode#INVALID_CONFIG}</td></tr>
 *   <tr><td>402, 403, 409 (invalid, incompatible or missing JSON)</td><td>{@link ErrorCode#INVALID_PAYLOAD}</td></tr>
 *   <tr><td>405, 412, 413 (account may not send)</td><td>{@link ErrorCode#PROVIDER_REJECTED}</td></tr>
 *   <tr><td>406 (inactive recipient)</td><td>{@link ErrorCode#INVALID_RECIPIENT}</td></tr>
 *   <tr><td>429 (rate limit)</td><td>{@link ErrorCode#RATE_LIMITED}</td></tr>
 * </table>
 *
 * <p>HTTP 413 (payload too large) is {@link ErrorCode#INVALID_PAYLOAD}. A 403 without an {@code ErrorCode} comes
 * from a network security layer in front of the API, not from the API refusing the token, so it is
 * {@link ErrorCode#PROVIDER_REJECTED}. Other answers keep the status mapping.
 */
final class PostmarkErrors {
    private PostmarkErrors() {}

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
        int status = response.status();
        if (status == 429 || status >= 500) {
            return error;
        }
        if (status == 413) {
            return error.withCode(ErrorCode.INVALID_PAYLOAD);
        }
        ErrorCode code = classify(error.providerCode());
        if (code == null && status == 403) {
            code = ErrorCode.PROVIDER_REJECTED;
        }
        return code == null ? error : error.withCode(code);
    }

    /**
     * Classifies a Postmark {@code ErrorCode}.
     *
     * @param code the code as text, or null
     * @return the error code, or null when the HTTP status should decide
     */
    static ErrorCode classify(String code) {
        if (code == null) {
            return null;
        }
        switch (code) {
            case "10":
                return ErrorCode.AUTHENTICATION_FAILED;
            case "100":
                return ErrorCode.PROVIDER_UNAVAILABLE;
            case "300":
            case "405":
            case "412":
            case "413":
                return ErrorCode.PROVIDER_REJECTED;
            case "400":
            case "401":
                return ErrorCode.INVALID_CONFIG;
            case "402":
            case "403":
            case "409":
                return ErrorCode.INVALID_PAYLOAD;
            case "406":
                return ErrorCode.INVALID_RECIPIENT;
            case "429":
                return ErrorCode.RATE_LIMITED;
            default:
                return null;
        }
    }
}
