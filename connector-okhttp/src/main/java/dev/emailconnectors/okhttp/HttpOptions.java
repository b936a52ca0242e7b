package dev.emailconnectors.okhttp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The options every HTTP connector shares, read from the configuration fields {@code endpoint} (base URL),
 * {@code timeout} (milliseconds, default 10000) and {@code retry} ({@link RetryOptions}). Their schema snippets are in
 * the resource {@code dev/emailconnectors/okhttp/http-options.schema.json} of this module.
 *
 * @param endpoint the base URL requests go to
 * @param timeout the longest one send may take, all attempts and waits included; each attempt gets what is left
 * @param retry the retry policy
 */
public record HttpOptions(HttpUrl endpoint, Duration timeout, RetryOptions retry) {
    /** The default {@link #timeout()}: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks the components. */
    public HttpOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Reads the common options from a validated configuration.
     *
     * @param config the configuration
     * @param defaultEndpoint the provider's public base URL, used when {@code endpoint} is absent; null when the
     *     endpoint is required
     * @return the options
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the endpoint is missing or breaks
     *     the {@link HttpEndpoint} rules
     */
    public static HttpOptions from(JsonNode config, String defaultEndpoint) {
        JsonNode endpoint = config.path("endpoint");
        String url = endpoint.isTextual() && !endpoint.asText().isBlank() ? endpoint.asText() : defaultEndpoint;
        if (url == null) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, "The endpoint is required");
        }
        JsonNode timeout = config.path("timeout");
        return new HttpOptions(
                HttpEndpoint.parse(url),
                timeout.canConvertToLong() ? Duration.ofMillis(timeout.asLong()) : DEFAULT_TIMEOUT,
                RetryOptions.from(config.get("retry")));
    }

    /**
     * Checks what the schema snippets cannot: the endpoint rules of {@link HttpEndpoint}, and that
     * {@code retry.maxDelay} is not below {@code retry.initialDelay}.
     *
     * @param config the configuration
     * @return every problem found, each with its JSON Pointer
     */
    public static List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> problems = new ArrayList<>(HttpEndpoint.check(config, "endpoint"));
        JsonNode retry = config == null ? null : config.path("retry");
        if (retry != null
                && retry.path("initialDelay").canConvertToLong()
                && retry.path("maxDelay").canConvertToLong()
                && retry.path("maxDelay").asLong() < retry.path("initialDelay").asLong()) {
            problems.add(new ConfigViolation("/retry/maxDelay", "must not be less than initialDelay"));
        }
        return problems;
    }

    /**
     * Returns a copy with another retry policy.
     *
     * @param retry the policy
     * @return the new options
     */
    public HttpOptions withRetry(RetryOptions retry) {
        return new HttpOptions(endpoint, timeout, retry);
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param timeout the longest one send may take
     * @return the new options
     */
    public HttpOptions withTimeout(Duration timeout) {
        return new HttpOptions(endpoint, timeout, retry);
    }
}
