package dev.emailconnectors.builtin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How the operator wants built-in messages delivered: through another connector ({@code connector} and its
 * {@code config}), or into an outbox directory (the default). Read from the host's operator settings, else the
 * {@value BuiltinProvider#DELIVERY_PROPERTY} system property, else the {@value BuiltinProvider#DELIVERY_ENV}
 * environment variable; the outbox directory defaults to {@value BuiltinProvider#OUTBOX_PROPERTY} /
 * {@value BuiltinProvider#OUTBOX_ENV}, else {@code ./outbox}.
 *
 * @param connector the delivering connector's id, when delegating
 * @param config that connector's configuration
 * @param outbox the outbox directory, when not delegating
 * @param fromEmail the fixed sender address, if set
 * @param usageLimit the per-tenant quota, if set
 * @param source where the settings came from, for messages
 */
record DeliverySettings(
        Optional<String> connector,
        JsonNode config,
        Path outbox,
        Optional<String> fromEmail,
        Optional<UsageLimit> usageLimit,
        String source) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("connector", "config", "outbox", "fromEmail", "usageLimit");

    /**
     * Finds the settings in effect.
     *
     * @param context the host's context
     * @param properties system property lookup
     * @param environment environment variable lookup
     * @return the settings
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every problem in the settings
     */
    static DeliverySettings resolve(
            ConnectorContext context, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        Path defaultOutbox = Path.of(first(
                properties.apply(BuiltinProvider.OUTBOX_PROPERTY),
                environment.apply(BuiltinProvider.OUTBOX_ENV),
                "outbox"));
        Optional<JsonNode> operator =
                context.operatorSettings(BuiltinProvider.ID).or(() -> context.operatorSettings(BuiltinProvider.ALIAS));
        if (operator.isPresent()) {
            return parse(operator.get(), "operator settings", defaultOutbox);
        }
        String property = properties.apply(BuiltinProvider.DELIVERY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(
                    read(property, BuiltinProvider.DELIVERY_PROPERTY),
                    BuiltinProvider.DELIVERY_PROPERTY,
                    defaultOutbox);
        }
        String env = environment.apply(BuiltinProvider.DELIVERY_ENV);
        if (env != null && !env.isBlank()) {
            return parse(read(env, BuiltinProvider.DELIVERY_ENV), BuiltinProvider.DELIVERY_ENV, defaultOutbox);
        }
        return new DeliverySettings(
                Optional.empty(), JSON.nullNode(), defaultOutbox, Optional.empty(), Optional.empty(), "default");
    }

    /** @return true when messages go to another connector */
    boolean delegates() {
        return connector.isPresent();
    }

    private static JsonNode read(String json, String source) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(source, List.of("is not valid JSON (" + e.getOriginalMessage() + ")"));
        }
    }

    static DeliverySettings parse(JsonNode json, String source, Path defaultOutbox) {
        List<String> problems = new ArrayList<>();
        if (!json.isObject()) {
            throw invalid(source, List.of("must be a JSON object"));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("/" + name + ": unknown setting; expected one of " + String.join(", ", FIELDS));
            }
        }
        Optional<String> connector = text(json, "connector", problems);
        Optional<String> outbox = text(json, "outbox", problems);
        Optional<String> fromEmail = text(json, "fromEmail", problems);
        JsonNode config = json.path("config");
        if (connector.isPresent() && outbox.isPresent()) {
            problems.add("/outbox: set either connector or outbox, not both");
        }
        if (connector.isPresent() && !config.isObject()) {
            problems.add("/config: the configuration of connector '" + connector.get() + "' is required (an object)");
        }
        if (connector.isEmpty() && !config.isMissingNode()) {
            problems.add("/config: only used with connector");
        }
        if (connector
                .filter(c -> c.equals(BuiltinProvider.ID) || c.equals(BuiltinProvider.ALIAS))
                .isPresent()) {
            problems.add("/connector: the built-in service cannot deliver through itself");
        }
        if (fromEmail.isPresent() && !fromEmail.get().matches("[^\\s<>@\"]+@[^\\s<>@\"]+")) {
            problems.add("/fromEmail: must be an email address");
        }
        Optional<UsageLimit> limit = usageLimit(json.path("usageLimit"), problems);
        Path dir = defaultOutbox;
        try {
            dir = outbox.map(Path::of).orElse(defaultOutbox);
        } catch (InvalidPathException e) {
            problems.add("/outbox: not a valid path");
        }
        if (!problems.isEmpty()) {
            throw invalid(source, problems);
        }
        return new DeliverySettings(connector, config, dir, fromEmail, limit, source);
    }

    private static Optional<UsageLimit> usageLimit(JsonNode node, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add("/usageLimit: must be an object {\"messages\": N, \"period\": \"PT24H\"}");
            return Optional.empty();
        }
        JsonNode messages = node.path("messages");
        boolean messagesOk = messages.canConvertToInt() && messages.isIntegralNumber() && messages.asInt() > 0;
        if (!messagesOk) {
            problems.add("/usageLimit/messages: must be a positive integer");
        }
        Duration period = null;
        try {
            period = Duration.parse(node.path("period").asText(""));
            if (period.isNegative() || period.isZero()) {
                problems.add("/usageLimit/period: must be positive");
                period = null;
            }
        } catch (DateTimeParseException e) {
            problems.add("/usageLimit/period: must be an ISO-8601 duration such as PT1H or P1D");
        }
        node.fieldNames().forEachRemaining(n -> {
            if (!n.equals("messages") && !n.equals("period")) {
                problems.add("/usageLimit/" + n + ": unknown setting; expected messages, period");
            }
        });
        return messagesOk && period != null ? Optional.of(new UsageLimit(messages.asInt(), period)) : Optional.empty();
    }

    private static Optional<String> text(JsonNode json, String field, List<String> problems) {
        JsonNode v = json.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add("/" + field + ": must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(v.asText().trim());
    }

    private static EmailConnectorException invalid(String source, List<String> problems) {
        return new EmailConnectorException(
                ErrorCode.INVALID_CONFIG,
                "The built-in email service's delivery settings (" + source + ") are invalid:\n  - "
                        + String.join("\n  - ", problems));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return delegates()
                ? "DeliverySettings{connector=" + connector.get() + ", from=" + fromEmail.orElse("(connector's)")
                        + ", limit=" + usageLimit.map(UsageLimit::toString).orElse("none") + "}"
                : "DeliverySettings{outbox=" + outbox + ", limit="
                        + usageLimit.map(UsageLimit::toString).orElse("none") + "}";
    }
}
