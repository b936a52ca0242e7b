package dev.emailconnectors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.ConnectionPoolStats;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectionPoolMetrics")
class ConnectionPoolMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final ConnectorCatalog catalog = ConnectorCatalog.of(List.of(provider));

    private double gauge(String name, String connector, String state) {
        var search = registry.get(name).tag("connector", connector);
        return (state == null ? search : search.tag("state", state)).gauge().value();
    }

    @Nested
    @DisplayName("bound to one connector")
    class OneConnector {

        @Test
        @DisplayName("reads open, busy, idle and max from the connector's pool, tagged with its id")
        void values() {
            try (EmailConnector email = catalog.create(ScriptedProvider.ID, ScriptedProvider.config())) {
                ConnectionPoolMetrics.of(email).bindTo(registry);
                provider.pool.set(new ConnectionPoolStats(8, 3, 1));

                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "open"))
                        .isEqualTo(3.0);
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "busy"))
                        .isEqualTo(1.0);
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "idle"))
                        .isEqualTo(2.0);
                assertThat(gauge(ConnectionPoolMetrics.MAX, "scripted", null)).isEqualTo(8.0);

                provider.pool.set(new ConnectionPoolStats(8, 5, 5));
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "busy"))
                        .isEqualTo(5.0);
            }
        }

        @Test
        @DisplayName("reads NaN when the connector keeps no pool, and once it is closed")
        void noPool() {
            EmailConnector email = catalog.create(ScriptedProvider.ID, ScriptedProvider.config());
            ConnectionPoolMetrics.of(email).withTags(Tags.of("app", "auth")).bindTo(registry);
            assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "open"))
                    .isNaN();

            provider.pool.set(new ConnectionPoolStats(2, 1, 0));
            assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "open"))
                    .isEqualTo(1.0);
            email.close();
            assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "scripted", "open"))
                    .isNaN();
            assertThat(registry.get(ConnectionPoolMetrics.MAX)
                            .tag("app", "auth")
                            .gauge())
                    .isNotNull();
        }
    }

    @Nested
    @DisplayName("bound to the active connector")
    class Active {

        @Test
        @DisplayName("follows whichever connector is active, NaN while none is")
        void follows() {
            try (ActiveEmailConnector active = new ActiveEmailConnector(catalog)) {
                ConnectionPoolMetrics.of(active).bindTo(registry);
                provider.pool.set(new ConnectionPoolStats(4, 2, 1));
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "active", "open"))
                        .isNaN();

                active.switchTo(ScriptedProvider.ID, ScriptedProvider.config());
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "active", "open"))
                        .isEqualTo(2.0);
                assertThat(gauge(ConnectionPoolMetrics.MAX, "active", null)).isEqualTo(4.0);

                active.clear();
                assertThat(gauge(ConnectionPoolMetrics.MAX, "active", null)).isNaN();
            }
        }

        @Test
        @DisplayName("uses the name the host chooses as the connector tag")
        void named() {
            try (ActiveEmailConnector active = new ActiveEmailConnector(catalog)) {
                ConnectionPoolMetrics.of("mail", active).bindTo(registry);
                active.switchTo(ScriptedProvider.ID, ScriptedProvider.config());
                provider.pool.set(new ConnectionPoolStats(4, 4, 4));
                assertThat(gauge(ConnectionPoolMetrics.CONNECTIONS, "mail", "busy"))
                        .isEqualTo(4.0);
            }
        }
    }
}
