package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import dev.failsafe.FailsafeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends a connector's HTTP requests: the one place where status codes become error codes, retries happen, timeouts
 * apply, the network policy is enforced and credentials are kept out of logs. Build one per connector in
 * {@code EmailConnectorProvider.create} and share it between threads; it is thread-safe and cheap, because it derives
 * its client from the JVM-wide OkHttp client and shares that client's connection pool.
 *
 * <pre>{@code
 * HttpTransport http = HttpTransport.builder("postmark", HttpOptions.from(config, "https://api.postmarkapp.com"), context)
 *         .secretHeaders("X-Postmark-Server-Token")
 *         .errorParser(POSTMARK_ERRORS)
 *         .build();
 * HttpResponse ok = http.execute(new Request.Builder()
 *         .url(http.endpoint().resolve("/email"))
 *         .header("X-Postmark-Server-Token", token)
 *         .post(RequestBody.create(json, JSON))
 *         .build());
 * String id = ok.json().path("MessageID").asText();
 * }</pre>
 *
 * <p>What {@link #execute(Supplier)} guarantees:
 *
 * <ul>
 *   <li>2xx returns the {@link HttpResponse}; 401/403 is {@link ErrorCode#AUTHENTICATION_FAILED}; 429 is
 *       {@link ErrorCode#RATE_LIMITED} with {@code Retry-After} (seconds or HTTP date, against the context clock);
 *       408 and 5xx are {@link ErrorCode#PROVIDER_UNAVAILABLE}; 3xx and other 4xx are
 *       {@link ErrorCode#PROVIDER_REJECTED} with the provider's own text; an I/O failure is
 *       {@link ErrorCode#PROVIDER_UNAVAILABLE}; no answer in time is {@link ErrorCode#TIMEOUT}. The
 *       {@link ProviderErrorParser} may refine the code and adds the provider's error code and request id.
 *   <li>Retryable failures are retried as {@link RetryOptions} says; every attempt and wait fits in
 *       {@link HttpOptions#timeout()}.
 *   <li>With a restrictive {@link NetworkPolicy}, every resolved address and every literal address is checked before
 *       connecting; redirects are never followed. A refusal is {@link ErrorCode#INVALID_CONFIG}.
 *   <li>At DEBUG, each attempt is logged with method, URL (query values masked), status and duration; the
 *       {@code Authorization} header, headers named by {@link Builder#secretHeaders(String...)} and headers whose
 *       names look like credentials appear as {@code ***}. Bodies are never logged.
 * </ul>
 */
public final class HttpTransport implements AutoCloseable {
    private static final long MAX_BODY = 1 << 20;

    private final String connectorId;
    private final HttpOptions options;
    private final OkHttpClient client;
    private final ProviderErrorParser errorParser;
    private final Clock clock;
    private final NetworkPolicy policy;
    private final Retrier retrier;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(Builder b) {
        this.connectorId = b.connectorId;
        this.options = b.options;
        this.errorParser = b.errorParser;
        this.clock = b.context.clock();
        this.policy = b.context.networkPolicy();
        this.retrier = new Retrier(connectorId, options.retry());
        OkHttpClient.Builder client = SharedClient.get()
                .newBuilder()
                .connectTimeout(options.timeout())
                .readTimeout(options.timeout())
                .writeTimeout(options.timeout())
                .addInterceptor(new LoggingInterceptor(connectorId, new Redaction(b.secretHeaders)));
        if (policy != NetworkPolicy.allowAll()) {
            client.dns(new PolicyDns(policy));
        }
        this.client = client.build();
    }

    /**
     * Starts building a transport.
     *
     * @param connectorId the connector's id, for log lines
     * @param options the endpoint, timeout and retry policy, usually {@link HttpOptions#from}
     * @param context the host's context: its clock and network policy apply
     * @return a builder
     */
    public static Builder builder(String connectorId, HttpOptions options, ConnectorContext context) {
        return new Builder(connectorId, options, context);
    }

    /** @return the configured base URL */
    public HttpUrl endpoint() {
        return options.endpoint();
    }

    /** @return the options this transport was built with */
    public HttpOptions options() {
        return options;
    }

    /**
     * Executes a request that is the same for every attempt.
     *
     * @param request the request
     * @return the successful (2xx) response
     * @throws EmailConnectorException for every failure, mapped as described on this class
     */
    public HttpResponse execute(Request request) {
        Objects.requireNonNull(request, "request");
        return execute(() -> request);
    }

    /**
     * Executes a request built anew for each attempt, for requests that carry a per-attempt timestamp or signature.
     * Keep the message's identity (for example {@code OutboundMessage.messageId()} in an idempotency or
     * {@code webhook-id} header) the same in every attempt, so the provider can drop duplicates.
     *
     * @param request builds the request of one attempt; called once per attempt, on the calling thread
     * @return the successful (2xx) response
     * @throws EmailConnectorException for every failure, mapped as described on this class
     */
    public HttpResponse execute(Supplier<Request> request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new EmailConnectorException(
                    ErrorCode.GENERAL, "The HTTP transport of connector '" + connectorId + "' is closed");
        }
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Retrier.RetrySignal firstFailure;
        try {
            return attempt(request.get(), 1, deadline); // most sends succeed at once: no retry machinery for them
        } catch (Retrier.RetrySignal s) {
            firstFailure = s;
        }
        int[] attempts = {1};
        boolean[] replayed = {false};
        try {
            // Failsafe counts the first attempt's failure, replayed here, and waits before the next
            return retrier.executor().get(() -> {
                if (!replayed[0]) {
                    replayed[0] = true;
                    throw firstFailure;
                }
                return attempt(request.get(), ++attempts[0], deadline);
            });
        } catch (Retrier.RetrySignal s) {
            throw s.failure;
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE, "Interrupted while waiting to retry a request")
                    .retryable(false)
                    .cause(e.getCause())
                    .build();
        }
    }

    private HttpResponse attempt(Request request, int attempt, long deadline) {
        try {
            checkLiteralAddress(request.url());
            return call(request, deadline);
        } catch (EmailConnectorException e) {
            throw retrier.next(e, attempt, deadline, request);
        }
    }

    /** @return how a request is named in messages: method and host, never the query */
    static String target(Request request) {
        return request.method() + " " + request.url().host();
    }

    private HttpResponse call(Request request, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new EmailConnectorException(ErrorCode.TIMEOUT, target(request) + " was not attempted: no time left");
        }
        Call call = client.newCall(request);
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        HttpResponse response;
        try (Response r = call.execute()) {
            response = new HttpResponse(r.code(), r.headers(), readAfterStatus(r, request));
        } catch (IOException e) {
            throw Failures.fromIo(e, target(request), options.timeout());
        }
        if (response.isSuccessful()) {
            return response;
        }
        return fail(response, request);
    }

    private HttpResponse fail(HttpResponse response, Request request) {
        ProviderError said;
        try {
            said = Objects.requireNonNullElse(errorParser.parse(response), ProviderError.none());
        } catch (RuntimeException e) {
            said = ProviderError.none();
        }
        throw Failures.fromStatus(
                response,
                said,
                RetryAfter.parse(response.headers().get("Retry-After"), clock).orElse(null),
                target(request));
    }

    /**
     * Reads the body once the status line is in. A 2xx status means the provider accepted the message, so a body
     * that breaks off after it is an unreadable answer, not a reason to send the message again.
     */
    private static String readAfterStatus(Response response, Request request) throws IOException {
        try {
            return read(response);
        } catch (IOException e) {
            if (!response.isSuccessful()) {
                throw e;
            }
            throw EmailConnectorException.builder(
                            ErrorCode.INVALID_RESPONSE,
                            target(request) + " answered " + response.code()
                                    + " (accepted) but its answer broke off; not retried, since the message was"
                                    + " accepted")
                    .providerStatus(response.code())
                    .retryable(false)
                    .cause(e)
                    .build();
        }
    }

    private static String read(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body.source().request(MAX_BODY + 1)) {
            throw EmailConnectorException.builder(
                            ErrorCode.INVALID_RESPONSE, "The provider's answer is larger than " + MAX_BODY + " bytes")
                    .providerStatus(response.code())
                    .build();
        }
        String contentType = response.header("Content-Type");
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            MediaType type = MediaType.parse(contentType);
            charset = type == null ? charset : type.charset(charset);
        }
        return body.source().readString(charset);
    }

    private void checkLiteralAddress(HttpUrl url) {
        if (policy == NetworkPolicy.allowAll() || !HttpEndpoint.isIpLiteral(url.host())) {
            return;
        }
        try {
            policy.check(url.host(), List.of(InetAddress.getByName(url.host())));
        } catch (UnknownHostException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, "Invalid address '" + url.host() + "'", e);
        }
    }

    /** @return the derived client, for tests */
    OkHttpClient client() {
        return client;
    }

    /**
     * Marks the transport closed; later calls to {@code execute} fail. The JVM-wide connection pool stays open for the
     * other connectors, and its idle connections expire on their own.
     */
    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "HttpTransport[" + connectorId + " -> " + Redaction.url(options.endpoint()) + "]";
    }

    /** Builds an {@link HttpTransport}. */
    public static final class Builder {
        private final String connectorId;
        private final HttpOptions options;
        private final ConnectorContext context;
        private final Set<String> secretHeaders = new LinkedHashSet<>();
        private ProviderErrorParser errorParser = ProviderErrorParser.standard();

        private Builder(String connectorId, HttpOptions options, ConnectorContext context) {
            this.connectorId = Objects.requireNonNull(connectorId, "connectorId");
            this.options = Objects.requireNonNull(options, "options");
            this.context = Objects.requireNonNull(context, "context");
        }

        /**
         * Names headers whose values are credentials, so they are masked in log lines. {@code Authorization} and
         * names containing {@code key}, {@code token}, {@code secret}, {@code signature}, {@code auth},
         * {@code password}, {@code credential} or {@code session} are masked anyway.
         *
         * @param names header names, in any case
         * @return this builder
         */
        public Builder secretHeaders(String... names) {
            secretHeaders.addAll(List.of(names));
            return this;
        }

        /**
         * Sets the parser of the provider's error answers; the default is {@link ProviderErrorParser#standard()}.
         *
         * @param errorParser the parser
         * @return this builder
         */
        public Builder errorParser(ProviderErrorParser errorParser) {
            this.errorParser = Objects.requireNonNull(errorParser, "errorParser");
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport
         * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the endpoint is a literal address
         *     that the context's network policy forbids
         */
        public HttpTransport build() {
            HttpTransport transport = new HttpTransport(this);
            transport.checkLiteralAddress(options.endpoint());
            return transport;
        }
    }
}
