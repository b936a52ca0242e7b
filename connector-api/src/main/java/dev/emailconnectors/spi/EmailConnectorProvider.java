package dev.emailconnectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorMetadata;
import java.util.List;

/**
 * A kind of connector, discovered with {@link java.util.ServiceLoader}. Implementations are stateless and have a
 * public no-argument constructor; list them in {@code META-INF/services/dev.emailconnectors.spi.EmailConnectorProvider}
 * and, on the module path, {@code provides dev.emailconnectors.spi.EmailConnectorProvider with …}.
 *
 * <p>The core does everything that is the same for every connector: it validates configurations against
 * {@link #configSchema()} (collecting every problem), redacts secrets, checks recipients and payloads, selects and
 * renders templates, reports to listeners and scrubs secrets from errors. A provider only describes its configuration
 * and moves a prepared {@link OutboundMessage} to its provider in {@link EmailSender#send(OutboundMessage)}.
 */
public interface EmailConnectorProvider {

    /** @return the connector's id, aliases, names, logo and readme */
    ConnectorMetadata metadata();

    /**
     * Returns the JSON Schema (draft 2020-12) of the configuration: the single source of truth for validation,
     * documentation and admin-console forms. Mark secret fields with {@code "writeOnly": true}; they are redacted
     * everywhere. Set {@code "additionalProperties": false} so unknown fields are reported. Load it once (for example
     * with {@link ConfigSupport#loadSchema(Class, String)}) and return the same instance.
     *
     * @return the schema
     */
    JsonNode configSchema();

    /**
     * Checks what the schema cannot express (required template types, template syntax, cross-field rules). Called
     * with every configuration, valid against the schema or not, so read it defensively ({@link JsonNode#path}).
     *
     * @param config the configuration
     * @return the problems found, each with its JSON Pointer; empty when none
     */
    default List<ConfigViolation> validate(JsonNode config) {
        return List.of();
    }

    /**
     * Returns the templates the configuration carries, used to render messages and previews. The default reads a
     * Logto-style {@code templates} array ({@link ConfigSupport#templates(JsonNode)}).
     *
     * @param config a valid configuration
     * @return the configuration's templates
     */
    default TemplateSource templates(JsonNode config) {
        return TemplateSource.of(ConfigSupport.templates(config.path("templates")));
    }

    /**
     * Lists the configurations of other connectors nested in this one (composite connectors such as failover). The
     * core validates each with its connector's schema (violation paths prefixed with the nested path), redacts its
     * secrets, and scrubs them from errors. Called with every configuration; read it defensively.
     *
     * @param config the configuration
     * @return the nested configurations; empty for ordinary connectors
     */
    default List<NestedConnector> nestedConnectors(JsonNode config) {
        return List.of();
    }

    /**
     * Creates the runtime sender for one valid configuration. Build clients and pools here (or lazily), once per
     * connector, never per message.
     *
     * @param config a configuration that passed validation
     * @param context what the host provides: clock, network policy, operator settings
     * @return the sender
     */
    EmailSender create(JsonNode config, ConnectorContext context);
}
