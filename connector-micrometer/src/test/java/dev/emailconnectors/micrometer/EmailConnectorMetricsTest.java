package dev.emailconnectors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("EmailConnectorMetrics")
class EmailConnectorMetricsTest {
    private static final Payload CODE = Payload.builder().code("123456").build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final ConnectorCatalog catalog = ConnectorCatalog.of(List.of(provider));
    private final List<EmailConnector> open = new ArrayList<>();

    private EmailConnector connector(EmailConnectorMetrics metrics, String tenant) {
        ConnectorContext context =
                ConnectorContext.builder().listener(metrics).tenantId(tenant).build();
        EmailConnector connector = catalog.create(ScriptedProvider.ID, ScriptedProvider.config(), context);
        open.add(connector);
        return connector;
    }

    private EmailConnector connector() {
        return connector(EmailConnectorMetrics.of(registry), "default");
    }

    @AfterEach
    void close() {
        open.forEach(EmailConnector::close);
    }

    private double sends(String template, String outcome, String error) {
        Counter counter = registry.find(EmailConnectorMetrics.SENDS)
                .tags("connector", ScriptedProvider.ID, "template", template, "outcome", outcome, "error", error)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Nested
    @DisplayName("the send counter")
    class Counting {

        @Test
        @DisplayName("counts accepted messages by connector and message type, with error none")
        void success() {
            EmailConnector email = connector();
            email.sendMessage(TemplateType.SIGN_IN, "a@example.com", CODE);
            email.sendMessage(TemplateType.SIGN_IN, "b@example.com", CODE);
            email.sendMessage(TemplateType.REGISTER, "c@example.com", CODE);

            assertThat(sends("SignIn", "success", "none")).isEqualTo(2.0);
            assertThat(sends("Register", "success", "none")).isEqualTo(1.0);
            assertThat(sends("SignIn", "failure", "none")).isZero();
        }

        @Test
        @DisplayName("counts provider failures under their wire code")
        void providerFailure() {
            EmailConnector email = connector();
            assertThatThrownBy(() -> email.sendMessage(
                            TemplateType.FORGOT_PASSWORD, "fail.rate_limit_exceeded@example.com", CODE))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.RATE_LIMITED));
            assertThatThrownBy(() -> email.sendMessage(
                            TemplateType.FORGOT_PASSWORD, "fail.provider_unavailable@example.com", CODE))
                    .isInstanceOf(EmailConnectorException.class);

            assertThat(sends("ForgotPassword", "failure", "rate_limit_exceeded"))
                    .isEqualTo(1.0);
            assertThat(sends("ForgotPassword", "failure", "provider_unavailable"))
                    .isEqualTo(1.0);
            assertThat(sends("ForgotPassword", "success", "none")).isZero();
        }

        @Test
        @DisplayName("counts requests the core refuses before any I/O, such as a malformed recipient")
        void requestFailure() {
            EmailConnector email = connector();
            assertThatThrownBy(() -> email.sendMessage(TemplateType.GENERIC, "not an address", CODE))
                    .isInstanceOf(EmailConnectorException.class);

            assertThat(sends("Generic", "failure", "invalid_recipient")).isEqualTo(1.0);
        }

        @Test
        @DisplayName("counts every send of many concurrent threads exactly once")
        void concurrent() throws Exception {
            EmailConnector email = connector();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            email.sendMessage(TemplateType.SIGN_IN, "u" + thread + "." + i + "@example.com", CODE);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sends("SignIn", "success", "none")).isEqualTo(400.0);
            assertThat(registry.get(EmailConnectorMetrics.SEND_DURATION)
                            .tags("outcome", "success")
                            .timer()
                            .count())
                    .isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("the send timer")
    class Timing {

        @Test
        @DisplayName("times successes and failures separately, without the error code")
        void timer() {
            EmailConnector email = connector();
            email.sendMessage(TemplateType.SIGN_IN, "a@example.com", CODE);
            assertThatThrownBy(() -> email.sendMessage(TemplateType.SIGN_IN, "fail.timeout@example.com", CODE))
                    .isInstanceOf(EmailConnectorException.class);

            Timer success = registry.get(EmailConnectorMetrics.SEND_DURATION)
                    .tags("connector", "scripted", "template", "SignIn", "outcome", "success")
                    .timer();
            Timer failure = registry.get(EmailConnectorMetrics.SEND_DURATION)
                    .tags("connector", "scripted", "template", "SignIn", "outcome", "failure")
                    .timer();
            assertThat(success.count()).isEqualTo(1);
            assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(failure.count()).isEqualTo(1);
            assertThat(failure.getId().getTag("error")).isNull();
        }
    }

    @Nested
    @DisplayName("tags")
    class Tagging {

        @Test
        @DisplayName("never carry the recipient, and carry no tenant unless asked")
        void lowCardinality() {
            EmailConnector email = connector(EmailConnectorMetrics.of(registry), "acme");
            email.sendMessage(TemplateType.SIGN_IN, "someone@example.com", CODE);
            assertThatThrownBy(() -> email.sendMessage(TemplateType.SIGN_IN, "fail.general@example.com", CODE))
                    .isInstanceOf(EmailConnectorException.class);

            assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
                assertThat(meter.getId().getTags())
                        .extracting(Tag::getKey)
                        .doesNotContain("tenant")
                        .containsAnyOf("connector");
                assertThat(meter.getId().getTags())
                        .extracting(Tag::getValue)
                        .noneMatch(v -> v.contains("@") || v.contains("123456") || v.contains("acme"));
            });
        }

        @Test
        @DisplayName("carry the tenant id when the host opts in")
        void tenant() {
            EmailConnectorMetrics metrics =
                    EmailConnectorMetrics.builder(registry).tenantTag(true).build();
            connector(metrics, "acme").sendMessage(TemplateType.SIGN_IN, "a@example.com", CODE);
            connector(metrics, "globex").sendMessage(TemplateType.SIGN_IN, "a@example.com", CODE);

            assertThat(registry.get(EmailConnectorMetrics.SENDS)
                            .tag("tenant", "acme")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(registry.get(EmailConnectorMetrics.SEND_DURATION)
                            .tag("tenant", "globex")
                            .timer()
                            .count())
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("include the fixed tags the host adds")
        void extraTags() {
            EmailConnectorMetrics metrics = EmailConnectorMetrics.builder(registry)
                    .tags(Tags.of("region", "eu"))
                    .build();
            connector(metrics, "default").sendMessage(TemplateType.SIGN_IN, "a@example.com", CODE);

            assertThat(registry.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getTag("region"))
                    .isEqualTo("eu"));
        }
    }
}
