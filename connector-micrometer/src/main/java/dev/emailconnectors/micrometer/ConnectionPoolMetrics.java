package dev.emailconnectors.micrometer;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.ConnectionPoolStats;
import dev.emailconnectors.EmailConnector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Gauges of a connector's connection pool, for connectors that keep one (SMTP):
 *
 * <ul>
 *   <li>{@value #CONNECTIONS}, tagged {@code state} = {@code open}, {@code busy} or {@code idle}: the connections in
 *       each state now;
 *   <li>{@value #MAX}: the most connections the pool may open.
 * </ul>
 *
 * <p>Each gauge is tagged {@code connector} with the name given here. A gauge reads {@code NaN} while the connector
 * has no pool: no connector is active, the active one keeps no pool, or the connector is closed. The gauges hold the
 * connector weakly, so they never keep a discarded connector alive.
 *
 * <pre>{@code
 * ConnectionPoolMetrics.of(activeEmailConnector).bindTo(meterRegistry);
 * }</pre>
 */
public final class ConnectionPoolMetrics implements MeterBinder {
    /** Name of the pooled connections gauge. */
    public static final String CONNECTIONS = "email.connector.pool.connections";
    /** Name of the pool size limit gauge. */
    public static final String MAX = "email.connector.pool.max";

    private final Source<?> source;
    private final Tags tags;

    private ConnectionPoolMetrics(Source<?> source, Tags tags) {
        this.source = source;
        this.tags = tags;
    }

    /**
     * Observes the pool of whichever connector is active, tagged {@code connector=active}.
     *
     * @param active the host's active connector
     * @return the binder
     */
    public static ConnectionPoolMetrics of(ActiveEmailConnector active) {
        return of("active", active);
    }

    /**
     * Observes the pool of whichever connector is active, under a name of the host's choosing.
     *
     * @param name the value of the {@code connector} tag
     * @param active the host's active connector
     * @return the binder
     */
    public static ConnectionPoolMetrics of(String name, ActiveEmailConnector active) {
        Objects.requireNonNull(active, "active");
        return new ConnectionPoolMetrics(
                new Source<>(active, ActiveEmailConnector::connectionPool), Tags.of("connector", name));
    }

    /**
     * Observes one connector's pool, tagged {@code connector} with its id.
     *
     * @param connector the connector
     * @return the binder
     */
    public static ConnectionPoolMetrics of(EmailConnector connector) {
        return new ConnectionPoolMetrics(
                new Source<>(connector, EmailConnector::connectionPool), Tags.of("connector", connector.id()));
    }

    /**
     * Returns a binder that adds fixed tags to every gauge.
     *
     * @param extra the tags
     * @return a new binder
     */
    public ConnectionPoolMetrics withTags(Iterable<Tag> extra) {
        return new ConnectionPoolMetrics(source, tags.and(extra));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        source.gauge(
                registry,
                CONNECTIONS,
                tags.and("state", "open"),
                "Open pooled connections",
                ConnectionPoolStats::openConnections);
        source.gauge(
                registry,
                CONNECTIONS,
                tags.and("state", "busy"),
                "Pooled connections sending now",
                ConnectionPoolStats::busyConnections);
        source.gauge(
                registry,
                CONNECTIONS,
                tags.and("state", "idle"),
                "Open pooled connections not sending",
                ConnectionPoolStats::idleConnections);
        source.gauge(
                registry, MAX, tags, "The most connections the pool may open", ConnectionPoolStats::maxConnections);
    }

    /** The observed object and how to read its pool; kept weakly by the gauges. */
    private record Source<T>(T state, Function<T, Optional<ConnectionPoolStats>> stats) {
        void gauge(
                MeterRegistry registry,
                String name,
                Tags tags,
                String description,
                ToIntFunction<ConnectionPoolStats> value) {
            // a local copy, so that the gauge's function does not capture this record and with it the state
            Function<T, Optional<ConnectionPoolStats>> read = stats;
            Gauge.builder(name, state, s -> read.apply(s)
                            .map(p -> (double) value.applyAsInt(p))
                            .orElse(Double.NaN))
                    .description(description)
                    .baseUnit("connections")
                    .tags(tags)
                    .register(registry);
        }
    }
}
