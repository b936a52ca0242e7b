package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Injects every SMTP fault into a scripted server: the SMTP connector must report the right code and retry answer,
 * and a failover over the faulty server and a healthy one must have every message accepted exactly once (counted at
 * the servers), or refused where the fault concerns the message.
 */
@DisplayName("Fault injection over SMTP")
class SmtpFaultInjectionTest {
    static final SmtpFixture FAULTY = new SmtpFixture();
    static final SmtpFixture HEALTHY = new SmtpFixture();
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();
    private static final String TO = "user@example.com";

    @AfterAll
    static void stop() {
        FAULTY.close();
        HEALTHY.close();
        System.out.printf(
                "Fault injection over SMTP: %d faults x 1 connector (smtp), each also through failover%n",
                SmtpFaults.all().size());
    }

    static List<SmtpFaults.Fault> faults() {
        return SmtpFaults.all();
    }

    @Nested
    @DisplayName("The connector reports the fault precisely")
    class Direct {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.emailconnectors.integration.SmtpFaultInjectionTest#faults")
        @DisplayName("the right error code and retry answer, within the timeout")
        void reportsFault(SmtpFaults.Fault fault) {
            FAULTY.reset();
            ObjectNode config = FAULTY.config("secret-0123456789");
            fault.inject().accept(FAULTY, config);
            long start = System.nanoTime();
            try (EmailConnector c = CATALOG.create("smtp", config)) {
                SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, HttpFaultInjectionTest.code("S1X"));
                throw new AssertionError(fault + " passed as accepted: " + r);
            } catch (EmailConnectorException e) {
                assertThat(fault.codes()).as("%s: %s", fault, e.getMessage()).contains(e.code());
                assertThat(e.retryable()).as("retryable for %s", fault).isEqualTo(fault.retryable());
            } finally {
                assertThat(FAULTY.peer.accepted()).isEmpty();
                if (fault.name().startsWith("STARTTLS")) {
                    assertThat(FAULTY.peer.lines())
                            .as("neither credentials nor the message go in clear when TLS is required")
                            .noneMatch(l -> l.toUpperCase(Locale.ROOT).matches("^(AUTH|MAIL|RCPT|DATA).*"));
                }
                FAULTY.reset();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("bounded by the configured timeouts, with margin")
                    .isLessThan(Duration.ofMillis(SmtpFixture.TIMEOUT_MS * 3L).plusSeconds(10));
        }
    }

    @Nested
    @DisplayName("Failover over the faulty server and a healthy one")
    class ThroughFailover {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.emailconnectors.integration.SmtpFaultInjectionTest#faults")
        @DisplayName("every message is accepted exactly once, or refused when the fault concerns the message")
        void exactlyOnce(SmtpFaults.Fault fault) {
            FAULTY.reset();
            HEALTHY.reset();
            ObjectNode faulty = FAULTY.config("secret-0123456789");
            fault.inject().accept(FAULTY, faulty);
            ObjectNode config = Json.object();
            ObjectNode first =
                    config.putArray("connectors").addObject().put("id", "smtp").put("name", "faulty");
            first.set("config", faulty);
            ObjectNode second = ((com.fasterxml.jackson.databind.node.ArrayNode) config.get("connectors"))
                    .addObject()
                    .put("id", "smtp")
                    .put("name", "healthy");
            second.set("config", HEALTHY.config("healthy-secret-42"));
            config.putArray("failOverOn").add("authentication_failed");
            try (EmailConnector c = CATALOG.create("failover", config)) {
                for (int i = 0; i < 3; i++) {
                    String code = "N" + i + "Q";
                    try {
                        SendResult r = c.sendMessage(TemplateType.SIGN_IN, TO, HttpFaultInjectionTest.code(code));
                        assertThat(fault.failover()).as("%s accepted", code).isEqualTo(HttpFaults.Failover.NEXT);
                        assertThat(r.details()).containsEntry("member", "healthy");
                    } catch (EmailConnectorException e) {
                        assertThat(fault.failover())
                                .as("%s failed: %s", code, e.getMessage())
                                .isEqualTo(HttpFaults.Failover.STOP);
                    }
                    long atFaulty = HttpFaultInjectionTest.count(FAULTY, code);
                    long atHealthy = HttpFaultInjectionTest.count(HEALTHY, code);
                    assertThat(List.of(atFaulty, atHealthy))
                            .containsExactly(0L, fault.failover() == HttpFaults.Failover.NEXT ? 1L : 0L);
                }
            } finally {
                FAULTY.reset();
                HEALTHY.reset();
            }
        }
    }
}
