package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.NestedConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code resilient} connector: wraps one connector with retries, de-duplication, rate limits and a recipient
 * sandbox. Every part is optional and off unless its object is present.
 *
 * <pre>{@code
 * {"connector": {"id": "smtp", "config": {…}},
 *  "retry": {"maxAttempts": 3, "backoff": "PT0.2S", "maxDelay": "PT5S", "retryAfterCap": "PT10S"},
 *  "deduplication": {"window": "PT10M"},
 *  "rateLimit": {"perRecipient": {"messages": 5, "period": "PT10M"},
 *                "perConnector": {"messagesPerSecond": 14, "maxWait": "PT2S"}},
 *  "sandbox": {"allow": ["qa@example.com", "*@example.org"]}}
 * }</pre>
 *
 * <p>A send passes, in order: the <b>sandbox</b> (a recipient not on the allowlist fails with
 * {@code INVALID_RECIPIENT} before any I/O); <b>de-duplication</b> (a send whose idempotency key was sent within the
 * window returns the first {@link dev.emailconnectors.SendResult}, marked {@code deduplicated=true}, and sends
 * nothing; while the first is still in flight the repeat waits for its outcome and shares it, success or failure; a
 * failed send is not remembered, so the host's retry with the same key goes through); the <b>per-recipient limit</b>
 * (fails at once with {@code RATE_LIMITED} and a retry-after); then the attempts, each waiting for a slot of the
 * <b>per-connector rate</b> (at most {@code maxWait}, else {@code RATE_LIMITED}).
 *
 * <p><b>The retry rule.</b> Only retryable failures are retried ({@code PROVIDER_UNAVAILABLE}, {@code TIMEOUT},
 * {@code RATE_LIMITED}), with exponential backoff and jitter; a provider's retry-after is waited for when it is at most
 * {@code retryAfterCap}, and a longer one ends the retries so the caller can schedule it. A wrapped connector whose
 * {@link dev.emailconnectors.EmailConnector#retriesInternally()} is true (the HTTP connectors and SES, whose clients
 * retry) is <em>never</em> retried here: it gets one attempt, so no message is retried by two layers. A resilient
 * connector that retries reports {@code retriesInternally()} itself, so a second resilient layer above it does not
 * retry either.
 *
 * <p>State (idempotency keys, per-recipient counters) lives in a {@link ReliabilityStore}: the host's, registered as a
 * context extension, or {@link InMemoryReliabilityStore#shared()}. The per-connector rate is per process.
 */
public final class ResilientProvider implements EmailConnectorProvider {
    /** The connector id. */
    public static final String ID = "resilient";

    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(ResilientProvider.class, "resilient-schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            ID,
            List.of(),
            ID,
            Map.of(
                    "en", "Resilient sending",
                    "es", "Envío resiliente",
                    "fr", "Envoi résilient",
                    "de", "Robuster Versand",
                    "zh-CN", "弹性发送"),
            Map.of(
                    "en", "Adds retries, de-duplication, rate limits and a recipient sandbox to any connector.",
                    "es",
                            "Añade reintentos, deduplicación, límites de envío y una lista de destinatarios permitidos"
                                    + " a cualquier conector.",
                    "fr",
                            "Ajoute nouvelles tentatives, déduplication, limites d'envoi et liste de destinataires"
                                    + " autorisés à tout connecteur.",
                    "de",
                            "Ergänzt jeden Connector um Wiederholungen, Deduplizierung, Ratenbegrenzung und eine"
                                    + " Empfänger-Sandbox.",
                    "zh-CN", "为任意连接器添加重试、去重、速率限制和收件人沙箱。"),
            Branding.RESILIENT_LOGO,
            "Wraps the connector under `connector` (an `id` and its `config`). Each part is off unless present:"
                    + " `retry` (attempts with exponential backoff and jitter; never for connectors that retry by"
                    + " themselves), `deduplication` (one send per idempotency key within `window`),"
                    + " `rateLimit.perRecipient` (`messages` per `period`, failing fast),"
                    + " `rateLimit.perConnector` (`messagesPerSecond`, waiting at most `maxWait`) and"
                    + " `sandbox.allow` (addresses, `*@domain` or `*@*.domain`). Durations are ISO-8601, such as"
                    + " `PT10M`.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ResilientProvider() {}

    @Override
    public ConnectorMetadata metadata() {
        return METADATA;
    }

    @Override
    public JsonNode configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigViolation> validate(JsonNode config) {
        List<ConfigViolation> out = new ArrayList<>(Settings.checkDurations(
                config,
                "/retry/backoff",
                "/retry/maxDelay",
                "/retry/retryAfterCap",
                "/deduplication/window",
                "/deduplication/inFlightWait",
                "/rateLimit/perRecipient/period",
                "/rateLimit/perConnector/maxWait"));
        out.addAll(Sandbox.check(config, "/sandbox/allow"));
        if (out.isEmpty() && config.path("retry").isObject()) {
            JsonNode retry = config.get("retry");
            Duration backoff = Settings.duration(retry, "backoff", Duration.ofMillis(200));
            Duration maxDelay = Settings.duration(retry, "maxDelay", Duration.ofSeconds(5));
            if (backoff.compareTo(maxDelay) > 0) {
                out.add(new ConfigViolation("/retry/backoff", "must not be longer than maxDelay (" + maxDelay + ")"));
            }
        }
        return out;
    }

    @Override
    public List<NestedConnector> nestedConnectors(JsonNode config) {
        JsonNode id = config.at("/connector/id");
        return id.isTextual() ? List.of(new NestedConnector("/connector/config", id.asText())) : List.of();
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        return ResilientSender.create(config, context);
    }
}
