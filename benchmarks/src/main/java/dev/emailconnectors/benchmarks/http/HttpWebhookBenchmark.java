package dev.emailconnectors.benchmarks.http;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.slf4j.LoggerFactory;

/**
 * The HTTP webhook connector ({@code http}, signed, with the retry policy on) against a raw OkHttp POST of the same
 * JSON body with the same {@code Authorization} header, both to the same {@link LocalHttpSink} on loopback, at 1 and
 * 8 threads. The raw client has the same connection pool size as the connectors' shared client. The ratio
 * connector/raw is the result; the absolute numbers depend on the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpWebhookBenchmark {
    private static final String TO = "user@example.com";
    private static final String AUTHORIZATION = "Bearer benchmark-token-0123456789";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private LocalHttpSink sink;
    private EmailConnector connector;
    private OkHttpClient raw;
    private Payload payload;
    private Request rawRequest;

    /** Starts the sink, creates the connector and the raw client, and builds the raw request. */
    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        sink = new LocalHttpSink();
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode()
                .put("endpoint", sink.url("/hooks/email"))
                .put("authorization", AUTHORIZATION);
        config.putArray("signingSecrets").add("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        connector = EmailConnectors.discover().create("http", config);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", "123456");
        values.put("locale", "en-US");
        values.put("application", Map.of("name", "Acme", "id", "app_1"));
        values.put("user", Map.of("id", "usr_1", "primaryEmail", TO, "name", "Ada"));
        payload = Payload.of(values);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", TO);
        body.put("type", TemplateType.SIGN_IN.wireName());
        body.put("payload", payload.asMap());
        raw = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        rawRequest = new Request.Builder()
                .url(sink.url("/hooks/email"))
                .header("Authorization", AUTHORIZATION)
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE))
                .build();
    }

    /** Closes everything. */
    @TearDown(org.openjdk.jmh.annotations.Level.Trial)
    public void tearDown() throws IOException {
        connector.close();
        raw.connectionPool().evictAll();
        sink.close();
    }

    private SendResult viaConnector() {
        return connector.sendMessage(TemplateType.SIGN_IN, TO, payload);
    }

    private String viaRawOkHttp() throws IOException {
        try (Response response = raw.newCall(rawRequest).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return response.body().string();
        }
    }

    /** @return the receipt */
    @Benchmark
    @Threads(1)
    public SendResult connector_1thread() {
        return viaConnector();
    }

    /** @return the receipt */
    @Benchmark
    @Threads(8)
    public SendResult connector_8threads() {
        return viaConnector();
    }

    /** @return the response body */
    @Benchmark
    @Threads(1)
    public String rawOkHttp_1thread() throws IOException {
        return viaRawOkHttp();
    }

    /** @return the response body */
    @Benchmark
    @Threads(8)
    public String rawOkHttp_8threads() throws IOException {
        return viaRawOkHttp();
    }
}
