package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.emailconnectors.spi.ConnectorContext;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("Log lines")
class LoggingTest {
    private static final String BEARER = "Bearer tok-9f8e7d6c5b4a";
    private static final String API_KEY = "key-0a1b2c3d4e5f";
    private static final String CUSTOM = "custom-secret-value-77";
    private static final String QUERY_SECRET = "q-secret-3141";

    private final MockServer peer = new MockServer();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HttpTransport.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        peer.close();
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    @DisplayName("show method, URL, status and duration at DEBUG with credentials and query values as ***")
    void redacted() {
        peer.enqueue(503, "busy").enqueue(200, "ok");
        HttpTransport http = HttpTransport.builder(
                        "demo",
                        new HttpOptions(
                                HttpEndpoint.parse(peer.url("/")), Duration.ofSeconds(5), RetryOptions.defaults()),
                        ConnectorContext.defaults())
                .secretHeaders("X-Custom-Credential", "X-Tenant-Pass")
                .build();
        http.execute(new Request.Builder()
                .url(peer.url("/v3/send?api_key=" + QUERY_SECRET + "&flag"))
                .header("Authorization", BEARER)
                .header("X-Api-Key", API_KEY)
                .header("X-Tenant-Pass", CUSTOM)
                .header("X-Trace", "visible-trace")
                .post(RequestBody.create("{\"code\":\"123456\"}", MediaType.get("application/json")))
                .build());

        List<String> lines = lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3); // two attempts and the retry decision
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains("[demo] POST http://127.0.0.1:" + peer.server.getPort() + "/v3/send?api_key=***&flag")
                .contains("-> 503")
                .contains(" ms")
                .contains("Authorization: ***")
                .contains("X-Api-Key: ***")
                .contains("X-Tenant-Pass: ***")
                .contains("X-Trace: visible-trace"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("-> 200"));
        assertThat(String.join("\n", lines))
                .doesNotContain(BEARER)
                .doesNotContain("tok-9f8e7d6c5b4a")
                .doesNotContain(API_KEY)
                .doesNotContain(CUSTOM)
                .doesNotContain(QUERY_SECRET)
                .doesNotContain("123456");
    }

    @Test
    @DisplayName("also cover failed attempts, still without secrets")
    void failures() {
        String url = peer.url("/x?token=" + QUERY_SECRET);
        peer.close();
        HttpTransport http = HttpTransport.builder(
                        "demo",
                        new HttpOptions(HttpEndpoint.parse(url), Duration.ofSeconds(2), RetryOptions.none()),
                        ConnectorContext.defaults())
                .build();
        assertThatThrownBy(() -> http.execute(new Request.Builder()
                        .url(url)
                        .header("Authorization", BEARER)
                        .post(RequestBody.create("{}", MediaType.get("application/json")))
                        .build()))
                .isInstanceOf(RuntimeException.class);
        assertThat(lines())
                .anySatisfy(l -> assertThat(l).contains("failed after").contains("Authorization: ***"));
        assertThat(String.join("\n", lines())).doesNotContain(BEARER).doesNotContain(QUERY_SECRET);
    }

    @Test
    @DisplayName("are not built at all when DEBUG is off")
    void quietByDefault() {
        logger.setLevel(Level.INFO);
        peer.enqueue(200, "ok");
        HttpTransport.builder(
                        "demo",
                        new HttpOptions(HttpEndpoint.parse(peer.url("/")), Duration.ofSeconds(2), RetryOptions.none()),
                        ConnectorContext.defaults())
                .build()
                .execute(new Request.Builder().url(peer.url("/")).build());
        assertThat(lines()).isEmpty();
    }
}
