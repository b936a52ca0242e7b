package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies, in this order: the sandbox, de-duplication, the per-recipient limit, then attempts (each paced by the
 * per-connector limit) with retries. See {@link ResilientProvider}.
 */
final class ResilientSender implements EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientSender.class);

    private final String innerId;
    private final EmailConnector inner;
    private final Optional<Sandbox> sandbox;
    private final Optional<Deduplicator> dedup;
    private final Optional<RecipientLimit> perRecipient;
    private final Optional<Pacer> pacer;
    private final Retrier retrier;

    private ResilientSender(Builder b) {
        this.innerId = b.innerId;
        this.inner = b.inner;
        this.sandbox = Optional.ofNullable(b.sandbox);
        this.dedup = Optional.ofNullable(b.dedup);
        this.perRecipient = Optional.ofNullable(b.perRecipient);
        this.pacer = Optional.ofNullable(b.pacer);
        this.retrier = b.retrier;
    }

    static ResilientSender create(JsonNode config, ConnectorContext context) {
        Builder b = new Builder();
        ReliabilityStore store = context.extension(ReliabilityStore.class).orElse(InMemoryReliabilityStore.shared());
        String tenant = context.tenantId();
        JsonNode sandbox = config.path("sandbox");
        if (sandbox.isObject()) {
            b.sandbox = Sandbox.of(sandbox.path("allow"));
        }
        JsonNode dedup = config.path("deduplication");
        if (dedup.isObject()) {
            b.dedup = new Deduplicator(
                    store,
                    context.clock(),
                    tenant,
                    Settings.duration(dedup, "window", Duration.ofMinutes(10)),
                    Settings.duration(dedup, "inFlightWait", Duration.ofSeconds(30)));
        }
        JsonNode perRecipient = config.at("/rateLimit/perRecipient");
        if (perRecipient.isObject()) {
            b.perRecipient = new RecipientLimit(
                    store,
                    context.clock(),
                    tenant,
                    perRecipient.get("messages").asInt(),
                    Settings.duration(perRecipient, "period", Duration.ofMinutes(10)));
        }
        JsonNode perConnector = config.at("/rateLimit/perConnector");
        if (perConnector.isObject()) {
            b.pacer = new Pacer(
                    perConnector.get("messagesPerSecond").asDouble(),
                    Settings.duration(perConnector, "maxWait", Duration.ofSeconds(2)));
        }
        JsonNode wrapped = config.get("connector");
        b.innerId = wrapped.get("id").asText();
        b.inner = Catalogs.createMember(
                Catalogs.of(context, ResilientProvider.ID), b.innerId, wrapped.get("config"), context, -1);
        JsonNode retry = config.path("retry");
        if (retry.isObject() && b.inner.retriesInternally()) {
            LOG.info(
                    "Connector '{}' retries by itself; the retry settings of the resilient connector around it are"
                            + " not applied, so no message is retried twice",
                    b.innerId);
            b.retrier = Retrier.once();
        } else {
            b.retrier = retry.isObject() ? Retrier.of(retry) : Retrier.once();
        }
        return new ResilientSender(b);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        sandbox.ifPresent(s -> s.check(message.to()));
        Optional<String> key = message.idempotencyKey();
        if (dedup.isPresent() && key.isPresent()) {
            return dedup.get().once(key.get(), () -> limitedSend(message));
        }
        return limitedSend(message);
    }

    private SendResult limitedSend(OutboundMessage message) {
        perRecipient.ifPresent(l -> l.acquire(message.to()));
        AtomicInteger attempts = new AtomicInteger();
        SendResult result = retrier.run(n -> {
            attempts.set(n);
            pacer.ifPresent(Pacer::await);
            return inner.send(Requests.forward(message, message.attempt() + n - 1));
        });
        return result.withConnectorId(ResilientProvider.ID)
                .withDetail("connector", innerId)
                .withDetail("attempts", Integer.toString(attempts.get()));
    }

    @Override
    public boolean retriesInternally() {
        return inner.retriesInternally() || retrier.maxAttempts() > 1;
    }

    @Override
    public boolean supportsConnectionCheck() {
        return inner.supportsConnectionCheck();
    }

    @Override
    public void checkConnection() {
        inner.checkConnection();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Collects the parts while the configuration is read. */
    private static final class Builder {
        String innerId;
        EmailConnector inner;
        Sandbox sandbox;
        Deduplicator dedup;
        RecipientLimit perRecipient;
        Pacer pacer;
        Retrier retrier;
    }
}
