package dev.emailconnectors.okhttp;

/**
 * Reads a provider's own error format from a failed (non-2xx) response: its message, error code and request id, and
 * optionally a more precise {@link dev.emailconnectors.ErrorCode}. The transport keeps doing the rest: status mapping,
 * {@code Retry-After}, retries and the exception itself. Start from {@link #standard()} and refine:
 *
 * <pre>{@code
 * ProviderErrorParser postmark = response -> {
 *     ProviderError e = ProviderErrorParser.standard().parse(response);
 *     return "406".equals(e.providerCode()) ? e.withCode(ErrorCode.INVALID_RECIPIENT) : e;
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe and should not throw; if one does, the transport falls back to the status
 * mapping alone.
 */
@FunctionalInterface
public interface ProviderErrorParser {

    /**
     * Reads a failed response.
     *
     * @param response the response, status not 2xx
     * @return what the provider said; {@link ProviderError#none()} when nothing useful
     */
    ProviderError parse(HttpResponse response);

    /**
     * Returns the parser that understands the common shapes: a JSON body with {@code message}, {@code Message},
     * {@code error} (text or an object with {@code message} and {@code code}), {@code errors[0].message},
     * {@code error_description} or {@code detail}, and a code in {@code code}, {@code Code} or {@code ErrorCode};
     * otherwise the body text itself (trimmed and shortened). The request id comes from {@code X-Request-Id},
     * {@code X-Amzn-RequestId}, {@code X-Amz-Request-Id} or {@code X-Message-Id}.
     *
     * @return the standard parser
     */
    static ProviderErrorParser standard() {
        return StandardErrorParser.INSTANCE;
    }
}
