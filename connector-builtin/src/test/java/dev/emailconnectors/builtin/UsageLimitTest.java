package dev.emailconnectors.builtin;

import static dev.emailconnectors.builtin.Fixtures.CATALOG;
import static dev.emailconnectors.builtin.Fixtures.JSON;
import static dev.emailconnectors.builtin.Fixtures.branding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Per-tenant usage limit")
class UsageLimitTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private String tenant;

    @BeforeEach
    void tenant() {
        tenant = "limit-" + UUID.randomUUID();
    }

    private ConnectorContext context(String tenantId, Path outbox) {
        ObjectNode settings = JSON.createObjectNode().put("outbox", outbox.toString());
        settings.putObject("usageLimit").put("messages", 3).put("period", "PT1H");
        return ConnectorContext.builder()
                .tenantId(tenantId)
                .clock(clock)
                .operatorSettings("builtin", settings)
                .build();
    }

    private void send(EmailConnector c) {
        c.sendMessage(
                TemplateType.SIGN_IN,
                "user@example.com",
                Payload.builder().code("123456").build());
    }

    @Test
    @DisplayName("beyond the limit a send fails with USAGE_LIMIT_EXCEEDED and the time until a slot frees up")
    void limitEnforced() throws Exception {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(tenant, dir))) {
            send(c);
            clock.advance(Duration.ofMinutes(10));
            send(c);
            send(c);
            clock.advance(Duration.ofMinutes(5));
            assertThatThrownBy(() -> send(c)).isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.USAGE_LIMIT_EXCEEDED);
                assertThat(e.retryAfter()).contains(Duration.ofMinutes(45));
                assertThat(e.getMessage()).contains(tenant).contains("3 messages per PT1H");
            });
            assertThat(Eml.files(dir)).hasSize(3);
            clock.advance(Duration.ofMinutes(45));
            send(c);
            assertThat(Eml.files(dir)).hasSize(4);
        }
    }

    @Test
    @DisplayName("the count survives a re-created connector and is kept per tenant")
    void survivesRecreationPerTenant() {
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(tenant, dir))) {
            send(c);
            send(c);
            send(c);
        }
        try (EmailConnector again = CATALOG.create("builtin", branding(), context(tenant, dir))) {
            assertThatThrownBy(() -> send(again))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.USAGE_LIMIT_EXCEEDED));
        }
        try (EmailConnector other = CATALOG.create("builtin", branding(), context(tenant + "-other", dir))) {
            send(other);
        }
    }

    @Test
    @DisplayName("messages that were not accepted do not use up the quota")
    void failuresDoNotCount() throws Exception {
        Path notADir = Files.writeString(dir.resolve("blocker"), "x");
        try (EmailConnector broken = CATALOG.create("builtin", branding(), context(tenant, notADir))) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> send(broken))
                        .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
            }
        }
        try (EmailConnector c = CATALOG.create("builtin", branding(), context(tenant, dir.resolve("ok")))) {
            send(c);
            send(c);
            send(c);
        }
        assertThat(Eml.files(dir.resolve("ok"))).hasSize(3);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
