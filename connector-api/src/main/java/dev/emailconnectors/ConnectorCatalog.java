package dev.emailconnectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connectors available to the application, found by {@link EmailConnectors#discover()}. Immutable and
 * thread-safe; connectors are looked up by id or alias (Logto factory ids work too).
 *
 * <pre>{@code
 * ConnectorCatalog catalog = EmailConnectors.discover();
 * ValidationResult result = catalog.validate("smtp", config);      // every problem, each with its JSON Pointer
 * try (EmailConnector smtp = catalog.create("smtp", config)) {
 *     smtp.sendMessage(TemplateType.SIGN_IN, "user@example.com", Payload.builder().code("123456").build());
 * }
 * }</pre>
 */
public final class ConnectorCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ConnectorDescriptor> descriptors;
    private final Map<String, ConnectorDescriptor> byName;
    private final List<String> problems;

    private ConnectorCatalog(List<EmailConnectorProvider> providers, List<String> problems) {
        List<ConnectorDescriptor> list = new ArrayList<>();
        Map<String, ConnectorDescriptor> names = new LinkedHashMap<>();
        for (EmailConnectorProvider provider : providers) {
            ConnectorMetadata metadata = provider.metadata();
            ConnectorDescriptor descriptor = new ConnectorDescriptor(provider, metadata, this);
            List<String> keys = new ArrayList<>();
            keys.add(metadata.id());
            keys.addAll(metadata.aliases());
            for (String key : keys) {
                ConnectorDescriptor other = names.putIfAbsent(key, descriptor);
                if (other != null && other != descriptor) {
                    throw new IllegalStateException("Two connectors claim the id '" + key + "': "
                            + other.providerClassName() + " and " + descriptor.providerClassName()
                            + "; remove one of them from the class path");
                }
            }
            list.add(descriptor);
        }
        this.descriptors = List.copyOf(list);
        this.byName = Map.copyOf(names);
        this.problems = List.copyOf(problems);
    }

    /**
     * Builds a catalog from explicit providers, without discovery (for tests and hosts that wire connectors by hand).
     *
     * @param providers the providers
     * @return the catalog
     * @throws IllegalStateException when two providers claim the same id or alias
     */
    public static ConnectorCatalog of(List<? extends EmailConnectorProvider> providers) {
        return new ConnectorCatalog(List.copyOf(providers), List.of());
    }

    static ConnectorCatalog of(List<EmailConnectorProvider> providers, List<String> problems) {
        return new ConnectorCatalog(providers, problems);
    }

    /** @return every connector, in discovery order */
    public List<ConnectorDescriptor> providers() {
        return descriptors;
    }

    /** @return the providers that failed to load during discovery (class and reason), for diagnostics */
    public List<String> problems() {
        return problems;
    }

    /**
     * Finds a connector by id or alias.
     *
     * @param idOrAlias for example {@code "smtp"} or {@code "simple-mail-transfer-protocol"}
     * @return the connector, if present
     */
    public Optional<ConnectorDescriptor> find(String idOrAlias) {
        return Optional.ofNullable(idOrAlias == null ? null : byName.get(idOrAlias));
    }

    /**
     * Finds a connector by id or alias, failing when it is absent.
     *
     * @param idOrAlias the id or alias
     * @return the connector
     * @throws EmailConnectorException with {@link ErrorCode#NOT_CONFIGURED} naming the available ids
     */
    public ConnectorDescriptor require(String idOrAlias) {
        return find(idOrAlias)
                .orElseThrow(() -> new EmailConnectorException(
                        ErrorCode.NOT_CONFIGURED,
                        "No connector with id '" + idOrAlias + "' is on the class path; available: "
                                + descriptors.stream()
                                        .map(ConnectorDescriptor::id)
                                        .collect(Collectors.joining(", "))));
    }

    /**
     * Validates a configuration; see {@link ConnectorDescriptor#validate(JsonNode)}.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @return every problem found
     * @throws EmailConnectorException with {@link ErrorCode#NOT_CONFIGURED} for an unknown id
     */
    public ValidationResult validate(String idOrAlias, JsonNode config) {
        return require(idOrAlias).validate(config);
    }

    /**
     * Validates a configuration given as a map (converted to JSON).
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @return every problem found
     */
    public ValidationResult validate(String idOrAlias, Map<String, ?> config) {
        return validate(idOrAlias, toJson(config));
    }

    /**
     * Redacts a configuration's secrets; see {@link ConnectorDescriptor#redact(JsonNode)}.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @return a copy with secrets as {@code ***}
     */
    public JsonNode redact(String idOrAlias, JsonNode config) {
        return require(idOrAlias).redact(config);
    }

    /**
     * Creates a connector with the default context.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @return the connector; close it when done
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every violation
     */
    public EmailConnector create(String idOrAlias, JsonNode config) {
        return create(idOrAlias, config, ConnectorContext.defaults());
    }

    /**
     * Creates a connector.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @param context what the host provides
     * @return the connector; close it when done
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every violation
     */
    public EmailConnector create(String idOrAlias, JsonNode config, ConnectorContext context) {
        return require(idOrAlias).create(config, Objects.requireNonNull(context, "context"));
    }

    /**
     * Creates a connector from a configuration given as a map.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @param context what the host provides
     * @return the connector; close it when done
     */
    public EmailConnector create(String idOrAlias, Map<String, ?> config, ConnectorContext context) {
        return create(idOrAlias, toJson(config), context);
    }

    /**
     * Renders without sending; see
     * {@link ConnectorDescriptor#preview(JsonNode, TemplateType, Payload, ConnectorContext)}.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @param type the message type
     * @param payload the values
     * @param context the host's context
     * @return the preview
     */
    public TemplatePreview preview(
            String idOrAlias, JsonNode config, TemplateType type, Payload payload, ConnectorContext context) {
        return require(idOrAlias).preview(config, type, payload, context);
    }

    private static JsonNode toJson(Map<String, ?> config) {
        return JSON.valueToTree(Objects.requireNonNull(config, "config"));
    }

    @Override
    public String toString() {
        return "ConnectorCatalog"
                + descriptors.stream().map(ConnectorDescriptor::id).collect(Collectors.toList());
    }
}
