package dev.emailconnectors.micrometer;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.SendEvent;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.SendResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records every send of every connector in a Micrometer {@link MeterRegistry}. Register it as the context's listener:
 *
 * <pre>{@code
 * ConnectorContext context = ConnectorContext.builder()
 *         .listener(EmailConnectorMetrics.of(meterRegistry))
 *         .build();
 * ActiveEmailConnector email = new ActiveEmailConnector(EmailConnectors.discover(), context);
 * }</pre>
 *
 * <p>Meters (the names below; a Prometheus registry shows them as {@code email_connector_sends_total} and
 * {@code email_connector_send_duration_seconds}):
 *
 * <ul>
 *   <li>{@value #SENDS}, a counter, tagged {@code connector} (the connector id), {@code template} (the message type's
 *       wire name, such as {@code SignIn}), {@code outcome} ({@code success} or {@code failure}) and {@code error}
 *       (the {@link dev.emailconnectors.ErrorCode#wireCode() wire code} of the failure, {@code none} on success);
 *   <li>{@value #SEND_DURATION}, a timer of the time from the start of a send to its outcome, tagged
 *       {@code connector}, {@code template} and {@code outcome}.
 * </ul>
 *
 * <p>No tag carries a recipient, a subject or any other per-message value. The tenant id becomes a {@code tenant} tag
 * only when {@link Builder#tenantTag(boolean)} asks for it: a host with many tenants would otherwise create many time
 * series per tenant. A composite connector ({@code failover}, {@code resilient}) reports its own sends and, since its
 * members are created with the same context, each member's attempts under the member's id.
 *
 * <p>Thread-safe; meters are created on first use and cached, so a send costs one map lookup and two updates.
 */
public final class EmailConnectorMetrics implements SendListener {
    /** Name of the send counter. */
    public static final String SENDS = "email.connector.sends";
    /** Name of the send duration timer. */
    public static final String SEND_DURATION = "email.connector.send.duration";

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";
    static final String NO_ERROR = "none";

    private final MeterRegistry registry;
    private final Tags extraTags;
    private final boolean tenantTag;
    private final ConcurrentMap<Key, Meters> meters = new ConcurrentHashMap<>();

    private EmailConnectorMetrics(Builder builder) {
        this.registry = builder.registry;
        this.extraTags = builder.tags;
        this.tenantTag = builder.tenantTag;
    }

    /**
     * Creates metrics with the default settings: no tenant tag, no extra tags.
     *
     * @param registry where the meters are registered
     * @return the listener
     */
    public static EmailConnectorMetrics of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /**
     * Starts configuring metrics.
     *
     * @param registry where the meters are registered
     * @return a builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public void onSuccess(SendEvent event, SendResult result, Duration duration) {
        record(event, SUCCESS, NO_ERROR, duration);
    }

    @Override
    public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
        record(event, FAILURE, error.code().wireCode(), duration);
    }

    private void record(SendEvent event, String outcome, String error, Duration duration) {
        String tenant = tenantTag ? event.tenantId() : null;
        Key key = new Key(event.connectorId(), event.template().wireName(), outcome, error, tenant);
        Meters m = meters.computeIfAbsent(key, this::register);
        m.sends.increment();
        m.duration.record(duration);
    }

    private Meters register(Key key) {
        Tags common = extraTags.and(
                Tag.of("connector", key.connector), Tag.of("template", key.template), Tag.of("outcome", key.outcome));
        if (key.tenant != null) {
            common = common.and("tenant", key.tenant);
        }
        Counter sends = Counter.builder(SENDS)
                .description("Messages handed to an email connector, by outcome")
                .baseUnit("messages")
                .tags(common)
                .tag("error", key.error)
                .register(registry);
        Timer duration = Timer.builder(SEND_DURATION)
                .description("Time from the start of a send to its outcome")
                .tags(common)
                .register(registry);
        return new Meters(sends, duration);
    }

    @Override
    public String toString() {
        return "EmailConnectorMetrics[tenantTag=" + tenantTag + ", tags=" + extraTags + "]";
    }

    private record Key(String connector, String template, String outcome, String error, String tenant) {}

    private record Meters(Counter sends, Timer duration) {}

    /** Configures {@link EmailConnectorMetrics}. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags tags = Tags.empty();
        private boolean tenantTag;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Adds a {@code tenant} tag with {@link SendEvent#tenantId()} to every meter. Off by default: turn it on only
         * when the number of tenants is small, since every tenant multiplies the time series.
         *
         * @param tenantTag whether to tag by tenant
         * @return this builder
         */
        public Builder tenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
            return this;
        }

        /**
         * Adds fixed tags to every meter (for example the application or region).
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /** @return the listener */
        public EmailConnectorMetrics build() {
            return new EmailConnectorMetrics(this);
        }
    }
}
