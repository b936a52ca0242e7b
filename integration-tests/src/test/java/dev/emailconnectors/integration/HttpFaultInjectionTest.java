package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injects every HTTP fault into the peer of every HTTP connector: the connector must report the right code and retry
 * answer, and a failover over the faulty connector and a healthy webhook must have every message accepted exactly once
 * (counted at the peers), or refused where the fault concerns the message.
 */
@DisplayName("Fault injection over HTTP")
class HttpFaultInjectionTest {
    static final List<HttpFixture> FIXTURES = Fixtures.http();
    static final WebhookFixture HEALTHY = new WebhookFixture();
    private static final String TO = "user@example.com";
    private static final int MESSAGES = 3;
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    @AfterAll
    static void stop() {
        FIXTURES.forEach(HttpFixture::close);
        HEALTHY.close();
        System.out.printf(
                "Fault injection over HTTP: %d faults x %d connectors (%s) = %d checks, each also through failover%n",
                HttpFaults.all().size(),
                FIXTURES.size(),
                FIXTURES,
                HttpFaults.all().size() * FIXTURES.size());
    }

    static Stream<Arguments> cases() {
        return HttpFaults.all().stream().flatMap(f -> FIXTURES.stream().map(x -> Arguments.of(f.forFixture(x), x)));
    }

    static ConnectorContext context(Fixture f) {
        return f.context(ConnectorContext.builder()).build();
    }

    static Payload code(String code) {
        return Payload.builder().code(code).put("user", Map.of("name", "Ana")).build();
    }

    static long count(Fixture f, String code) {
        return f.delivered().stream()
                .filter(d -> (d.subject().orElse("") + d.html().orElse("") + d.text()).contains(code))
                .count();
    }

    @Nested
    @DisplayName("The connector reports the fault precisely")
    class Direct {
        @ParameterizedTest(name = "{1}: {0}", autoCloseArguments = false)
        @MethodSource("dev.emailconnectors.integration.HttpFaultInjectionTest#cases")
        @DisplayName("the right error code, retry answer and retry-after, within the timeout")
        void reportsFault(HttpFaults.Fault fault, HttpFixture fixture) {
            report(fault, fixture);
        }

        private void report(HttpFaults.Fault fault, HttpFixture fixture) {
            fixture.reset();
            ObjectNode config = fixture.config("secret-0123456789");
            fault.inject().accept(fixture, config);
            long start = System.nanoTime();
            try (EmailConnector c = CATALOG.create(fixture.id(), config, context(fixture))) {
                SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, code("F1X"));
                assertThat(fault.code())
                        .as("%s must not pass as accepted", fault)
                        .isNull();
                assertThat(r.connectorId()).isEqualTo(fixture.id());
            } catch (EmailConnectorException e) {
                if (fault.code() == null) {
                    assertThat(e.code())
                            .as(
                                    "a 2xx status means accepted; the only acceptable failure is an unreadable answer: %s",
                                    e.getMessage())
                            .isEqualTo(ErrorCode.INVALID_RESPONSE);
                    assertThat(e.retryable())
                            .as("retrying an accepted message duplicates it")
                            .isFalse();
                } else {
                    assertThat(e.code()).as("%s: %s", fault, e.getMessage()).isEqualTo(fault.code());
                    assertThat(e.retryable()).as("retryable for %s", fault).isEqualTo(fault.retryable());
                    if (fault.retryAfter() != null && fixture.honoursRetryAfter()) {
                        assertThat(e.retryAfter()).contains(fault.retryAfter());
                    }
                }
            } finally {
                fixture.reset();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("bounded by the configured timeout, with margin")
                    .isLessThan(Duration.ofMillis(HttpFixture.TIMEOUT_MS).plusSeconds(10));
        }
    }

    @Nested
    @DisplayName("Failover over the faulty connector and a healthy webhook")
    class ThroughFailover {
        @ParameterizedTest(name = "{1}: {0}", autoCloseArguments = false)
        @MethodSource("dev.emailconnectors.integration.HttpFaultInjectionTest#cases")
        @DisplayName("every message is accepted exactly once, or refused when the fault concerns the message")
        void exactlyOnce(HttpFaults.Fault fault, HttpFixture fixture) {
            run(fault, fixture);
        }

        private void run(HttpFaults.Fault fault, HttpFixture fixture) {
            fixture.reset();
            HEALTHY.reset();
            ObjectNode faulty = fixture.config("secret-0123456789");
            fault.inject().accept(fixture, faulty);
            ObjectNode config = Json.object();
            config.putArray("connectors")
                    .add(member(fixture.id(), "faulty", faulty))
                    .add(member("http", "healthy", HEALTHY.config("healthy-secret-42")));
            config.putArray("failOverOn").add("authentication_failed");
            try (EmailConnector c = CATALOG.create("failover", config, context(fixture))) {
                for (int i = 0; i < MESSAGES; i++) {
                    String code = "M" + i + "Q";
                    try {
                        SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, code(code));
                        assertThat(fault.failover()).as("%s accepted", code).isNotEqualTo(HttpFaults.Failover.STOP);
                        assertThat(r.details().get("member"))
                                .isEqualTo(fault.failover() == HttpFaults.Failover.NEXT ? "healthy" : "faulty");
                    } catch (EmailConnectorException e) {
                        assertThat(fault.failover())
                                .as("%s failed: %s", code, e.getMessage())
                                .isNotEqualTo(HttpFaults.Failover.NEXT);
                    }
                    long atFaulty = count(fixture, code);
                    long atHealthy = count(HEALTHY, code);
                    switch (fault.failover()) {
                        case NEXT -> assertThat(List.of(atFaulty, atHealthy)).containsExactly(0L, 1L);
                        case FIRST_KEEPS -> assertThat(List.of(atFaulty, atHealthy))
                                .containsExactly(1L, 0L);
                        case STOP -> assertThat(List.of(atFaulty, atHealthy)).containsExactly(0L, 0L);
                    }
                }
            } finally {
                fixture.reset();
                HEALTHY.reset();
            }
        }

        private ObjectNode member(String id, String name, ObjectNode config) {
            ObjectNode m = Json.object().put("id", id).put("name", name);
            m.set("config", config);
            return m;
        }
    }
}
