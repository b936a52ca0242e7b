package dev.emailconnectors.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import dev.emailconnectors.spi.ConfigSupport;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.NestedConnector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code failover} connector: an ordered list of other connectors, each message going to the first healthy one.
 *
 * <pre>{@code
 * {"connectors": [{"id": "ses", "config": {…}}, {"id": "smtp", "config": {…}}],
 *  "circuitBreaker": {"failureThreshold": 3, "delay": "PT30S"},
 *  "onTimeout": "next"}
 * }</pre>
 *
 * <p>A send goes to the first member whose circuit is not open. A retryable failure of that member
 * ({@code PROVIDER_UNAVAILABLE}, {@code TIMEOUT}, {@code RATE_LIMITED}, or any failure the member marks retryable), a
 * failure listed in {@code failOverOn}, or an open circuit moves the message to the next member; any other failure
 * ({@code INVALID_RECIPIENT}, {@code INVALID_PAYLOAD}, {@code PROVIDER_REJECTED}…) concerns the message itself and
 * stops there. Each member has a circuit breaker: after {@code failureThreshold} consecutive failures it is skipped for
 * {@code delay}, then one probe is let through, which closes the circuit again or reopens it.
 *
 * <p>The {@link dev.emailconnectors.SendResult} carries {@code failover} as its connector id, and its details say
 * which member accepted the message: {@code member} (its name, by default its connector id), {@code memberIndex}
 * (from 0) and {@code via} (each member tried, with its outcome, for example
 * {@code "ses:provider_unavailable,smtp:accepted"}).
 *
 * <p><strong>Timeouts.</strong> A {@code TIMEOUT} means the member did not answer in time; it may still have accepted
 * the message. With {@code "onTimeout": "next"} (the default) the next member sends it too, so the user gets the
 * message, possibly twice: for one-time codes a duplicate is better than none. With {@code "onTimeout": "stop"} the
 * timeout is reported to the caller instead: at most once, possibly never. Unambiguous failures (refused
 * connections, 4xx/5xx answers, SMTP 4yz replies) never cause duplicates.
 *
 * <p>If no member accepts the message, the exception is {@code TIMEOUT} when any member timed out (acceptance
 * unknown), else the members' common code, else {@code PROVIDER_UNAVAILABLE}; it carries the earliest retry-after (a
 * member's own, or for a member skipped with an open circuit the time until that circuit half-opens; one second, at
 * most the circuit's delay, for a circuit whose probe is in flight) and lists every member's failure. Circuit state
 * is kept per connector instance, in memory.
 */
public final class FailoverProvider implements EmailConnectorProvider {
    /** The connector id. */
    public static final String ID = "failover";

    private static final JsonNode SCHEMA = ConfigSupport.loadSchema(FailoverProvider.class, "failover-schema.json");
    private static final ConnectorMetadata METADATA = new ConnectorMetadata(
            ID,
            List.of(),
            ID,
            Map.of(
                    "en", "Failover",
                    "es", "Conmutación por error",
                    "fr", "Basculement",
                    "de", "Ausfallsicherung",
                    "zh-CN", "故障转移"),
            Map.of(
                    "en", "Sends through the first healthy connector of an ordered list, with a circuit breaker each.",
                    "es",
                            "Envía por el primer conector disponible de una lista ordenada, con un cortacircuitos para"
                                    + " cada uno.",
                    "fr",
                            "Envoie par le premier connecteur disponible d'une liste ordonnée, avec un disjoncteur pour"
                                    + " chacun.",
                    "de",
                            "Sendet über den ersten funktionierenden Connector einer geordneten Liste, jeder mit eigenem"
                                    + " Schutzschalter.",
                    "zh-CN", "按顺序通过第一个健康的连接器发送，每个连接器都有熔断器。"),
            Branding.FAILOVER_LOGO,
            "Lists other connectors in order of preference under `connectors` (each an `id` and its `config`). A"
                    + " message goes to the first member whose circuit is not open; unavailability, timeouts and"
                    + " rate limits move it to the next member, while problems with the message itself (invalid"
                    + " recipient, rejected content) stop there. `circuitBreaker` sets when a failing member is"
                    + " skipped (`failureThreshold` consecutive failures) and for how long (`delay`, an ISO-8601"
                    + " duration such as `PT30S`). `onTimeout` is `next` (deliver, possibly twice) or `stop` (at"
                    + " most once). The result's `member` detail names the member that accepted the message.");

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FailoverProvider() {}

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
        List<ConfigViolation> out = new ArrayList<>(Settings.checkDurations(config, "/circuitBreaker/delay"));
        Set<String> names = new HashSet<>();
        JsonNode members = config.path("connectors");
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            String name = member.path("name").asText(null);
            if (name != null && !names.add(name)) {
                out.add(new ConfigViolation("/connectors/" + i + "/name", "is used by another member"));
            }
        }
        return out;
    }

    @Override
    public List<NestedConnector> nestedConnectors(JsonNode config) {
        List<NestedConnector> out = new ArrayList<>();
        JsonNode members = config.path("connectors");
        for (int i = 0; i < members.size(); i++) {
            JsonNode id = members.get(i).path("id");
            if (id.isTextual()) {
                out.add(new NestedConnector("/connectors/" + i + "/config", id.asText()));
            }
        }
        return out;
    }

    @Override
    public EmailSender create(JsonNode config, ConnectorContext context) {
        return FailoverSender.create(config, context);
    }
}
