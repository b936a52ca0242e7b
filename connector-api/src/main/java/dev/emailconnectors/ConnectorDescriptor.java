package dev.emailconnectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.internal.ConfigSchema;
import dev.emailconnectors.internal.JsonPointers;
import dev.emailconnectors.internal.ManagedConnector;
import dev.emailconnectors.internal.Scrubber;
import dev.emailconnectors.internal.SecretFields;
import dev.emailconnectors.internal.TemplateRenderer;
import dev.emailconnectors.internal.TemplateSelector;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailConnectorProvider;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.NestedConnector;
import dev.emailconnectors.spi.RenderedEmail;
import dev.emailconnectors.spi.SecretScrubber;
import dev.emailconnectors.spi.TemplateSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One connector in a {@link ConnectorCatalog}: its metadata and configuration schema, and the operations on its
 * configurations (validate, redact, preview, create). Thread-safe.
 */
public final class ConnectorDescriptor {
    private final EmailConnectorProvider provider;
    private final ConnectorMetadata metadata;
    private final ConnectorCatalog catalog;
    private volatile ConfigSchema schema;

    ConnectorDescriptor(EmailConnectorProvider provider, ConnectorMetadata metadata, ConnectorCatalog catalog) {
        this.provider = provider;
        this.metadata = metadata;
        this.catalog = catalog;
    }

    /** @return the connector id */
    public String id() {
        return metadata.id();
    }

    /** @return the connector's metadata */
    public ConnectorMetadata metadata() {
        return metadata;
    }

    /** @return a copy of the configuration's JSON Schema; secret fields carry {@code "writeOnly": true} */
    public JsonNode configSchema() {
        return provider.configSchema().deepCopy();
    }

    /** @return the JSON Pointer patterns of the secret fields ({@code *} matches any index or key) */
    public Set<String> secretFields() {
        return schema().secrets().patterns();
    }

    /** @return the class implementing the provider, for diagnostics */
    public String providerClassName() {
        return provider.getClass().getName();
    }

    /**
     * Validates a configuration: the schema (types, required and unknown fields) and the provider's own rules,
     * reporting every problem with its JSON Pointer.
     *
     * @param config the configuration
     * @return the result; never throws for a bad configuration
     */
    public ValidationResult validate(JsonNode config) {
        List<ConfigViolation> violations = new ArrayList<>(schema().validate(config));
        if (config != null && config.isObject()) {
            List<String> secrets = secretValues(config);
            for (ConfigViolation v : provider.validate(config)) {
                violations.add(new ConfigViolation(v.path(), Scrubber.scrub(v.message(), secrets)));
            }
            for (NestedConnector n : nested(config)) {
                JsonNode inner = config.at(n.path());
                Optional<ConnectorDescriptor> d = catalog.find(n.connectorId());
                if (d.isEmpty()) {
                    violations.add(new ConfigViolation(
                            n.path(), "is for connector '" + n.connectorId() + "', which is not on the class path"));
                } else if (!inner.isMissingNode()) {
                    d.get()
                            .validate(inner)
                            .violations()
                            .forEach(v -> violations.add(new ConfigViolation(n.path() + v.path(), v.message())));
                }
            }
        }
        List<ConfigViolation> distinct = new ArrayList<>(new LinkedHashSet<>(violations));
        distinct.sort((a, b) -> a.path().compareTo(b.path()));
        return new ValidationResult(id(), distinct);
    }

    /**
     * Returns a copy of a configuration with every secret value replaced by {@code ***}, safe to log, display or
     * export.
     *
     * @param config the configuration
     * @return the redacted copy
     */
    public JsonNode redact(JsonNode config) {
        JsonNode redacted = schema().secrets().redact(config);
        if (config != null && config.isObject()) {
            for (NestedConnector n : nested(config)) {
                JsonNode inner = config.at(n.path());
                Optional<ConnectorDescriptor> d = catalog.find(n.connectorId());
                if (d.isPresent() && inner.isObject()) {
                    JsonPointers.replace(redacted, n.path(), d.get().redact(inner));
                } else if (d.isEmpty() && inner.isContainerNode()) {
                    JsonPointers.replace(redacted, n.path(), SecretFields.redactAll(inner));
                }
            }
        }
        return redacted;
    }

    /**
     * Collects the secret values of a configuration, nested configurations included, for scrubbing free text.
     *
     * @param config the configuration
     * @return the secret strings, longest first
     */
    List<String> secretValues(JsonNode config) {
        List<String> values = new ArrayList<>(schema().secrets().values(config));
        if (config != null && config.isObject()) {
            for (NestedConnector n : nested(config)) {
                JsonNode inner = config.at(n.path());
                catalog.find(n.connectorId())
                        .ifPresentOrElse(
                                d -> values.addAll(d.secretValues(inner)),
                                () -> values.addAll(SecretFields.allValues(inner)));
            }
        }
        values.sort((a, b) -> b.length() - a.length());
        return values;
    }

    private List<NestedConnector> nested(JsonNode config) {
        try {
            List<NestedConnector> list = provider.nestedConnectors(config);
            return list == null ? List.of() : list;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Creates a connector with the default context.
     *
     * @param config the configuration
     * @return the connector
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every violation
     */
    public EmailConnector create(JsonNode config) {
        return create(config, ConnectorContext.defaults());
    }

    /**
     * Creates a connector.
     *
     * @param config the configuration
     * @param context what the host provides
     * @return the connector; close it when done
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} listing every violation
     */
    public EmailConnector create(JsonNode config, ConnectorContext context) {
        validate(config).orThrow();
        JsonNode copy = config.deepCopy();
        List<String> secrets = secretValues(copy);
        SecretScrubber scrubber = context.scrubber().child(secrets);
        ConnectorContext withCatalog = context.toBuilder()
                .catalog(context.catalog().orElse(catalog))
                .scrubber(scrubber)
                .build();
        EmailSender sender;
        TemplateSource templates;
        try {
            templates = provider.templates(copy);
            sender = provider.create(copy, withCatalog);
        } catch (EmailConnectorException e) {
            throw scrubber.scrub(e.toBuilder().connectorId(id()).build());
        } catch (RuntimeException e) {
            throw scrubber.scrub(EmailConnectorException.builder(
                            ErrorCode.INVALID_CONFIG,
                            "Connector '" + id() + "' could not be created: " + e.getMessage())
                    .connectorId(id())
                    .cause(e)
                    .build());
        }
        return new ManagedConnector(id(), sender, templates, withCatalog);
    }

    /**
     * Renders the template a message of this type would use, without sending.
     *
     * @param config the configuration
     * @param type the message type
     * @param payload the values
     * @param context the host's context (its template resolver is consulted first)
     * @return the rendered message and the placeholders the payload could not fill
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} for an invalid configuration, or
     *     {@link ErrorCode#TEMPLATE_NOT_FOUND} when no template applies
     */
    public TemplatePreview preview(JsonNode config, TemplateType type, Payload payload, ConnectorContext context) {
        validate(config).orThrow();
        TemplateSelector selector = new TemplateSelector(
                id(),
                context.templateResolver(),
                provider.templates(config.deepCopy()),
                payload.preferredLanguageTag().orElse(""));
        EmailTemplate template = selector.select(type);
        RenderedEmail email = TemplateSelector.render(template, payload);
        List<String> unresolved = Stream.concat(
                        Stream.of(template.subject(), template.content()),
                        Stream.concat(template.replyTo().stream(), template.sendFrom().stream()))
                .flatMap(t -> TemplateRenderer.unresolved(t, payload).stream())
                .distinct()
                .collect(Collectors.toList());
        return new TemplatePreview(email, unresolved);
    }

    private ConfigSchema schema() {
        ConfigSchema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = ConfigSchema.compile(provider.configSchema());
                    schema = s;
                }
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "ConnectorDescriptor[" + id() + " " + metadata.aliases() + ", " + providerClassName() + "]";
    }
}
