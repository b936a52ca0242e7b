package dev.emailconnectors.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import dev.emailconnectors.spi.TemplateSource;
import java.util.List;
import java.util.Map;

/**
 * Delivers through another connector chosen by the operator (an SMTP relay, SES, …). The delegate is created once,
 * with a template resolver that answers with the host's templates first and then the built-in branded templates, so
 * it renders exactly what the built-in service would, whatever templates its own configuration holds. Thread-safe
 * as the delegate is.
 */
final class DelegatingSender implements EmailSender {
    private static final List<TemplateType> STAND_IN_TYPES =
            List.of(TemplateType.REGISTER, TemplateType.SIGN_IN, TemplateType.FORGOT_PASSWORD, TemplateType.GENERIC);

    private final EmailConnector delegate;

    private DelegatingSender(EmailConnector delegate) {
        this.delegate = delegate;
    }

    /**
     * Creates the delegate connector.
     *
     * @param settings the delivery settings (with a connector)
     * @param branding the tenant's branding
     * @param context the host's context
     * @return the sender
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when the delegate's configuration is
     *     invalid or its connector is not on the class path
     */
    static DelegatingSender create(DeliverySettings settings, Branding branding, ConnectorContext context) {
        ConnectorCatalog catalog =
                context.catalog().orElseGet(() -> EmailConnectors.discover(DelegatingSender.class.getClassLoader()));
        String id = settings.connector().orElseThrow();
        if (catalog.find(id).isEmpty()) {
            throw new EmailConnectorException(
                    ErrorCode.INVALID_CONFIG,
                    "The built-in email service's delivery settings (" + settings.source() + ") name connector '" + id
                            + "', which is not on the class path");
        }
        TemplateSource templates = new HostFirstTemplates(
                context.templateResolver(), new BrandedTemplates(branding, settings.fromEmail()));
        ConnectorContext delegateContext = context.toBuilder()
                .templateResolver(templates)
                .listener(SendListener.none())
                .build();
        try {
            return new DelegatingSender(
                    catalog.create(id, withStandInTemplates(catalog, id, settings.config()), delegateContext));
        } catch (EmailConnectorException e) {
            throw e.toBuilder()
                    .message("The built-in email service's delivery connector '" + id + "' (" + settings.source()
                            + ") could not be created: " + e.getMessage())
                    .build();
        }
    }

    /**
     * Most connectors require a Logto-style {@code templates} array, which a delegate never uses: the built-in
     * templates always answer first. When the operator's configuration has none and the connector accepts one, a
     * minimal array (the four types Logto requires) is added, so the operator configures only the transport.
     */
    private static JsonNode withStandInTemplates(ConnectorCatalog catalog, String id, JsonNode config) {
        boolean accepts = catalog.require(id).configSchema().path("properties").has("templates");
        if (!accepts || config.has("templates") || !config.isObject()) {
            return config;
        }
        ObjectNode copy = ((ObjectNode) config).deepCopy();
        ArrayNode templates = copy.putArray("templates");
        for (TemplateType type : STAND_IN_TYPES) {
            templates
                    .addObject()
                    .put("usageType", type.wireName())
                    .put("subject", "{{code}}")
                    .put("content", "{{code}}");
        }
        return copy;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendRequest.Builder request = SendRequest.builder(
                        message.type(), message.to().address(), message.payload())
                .attempt(message.attempt())
                .content(message.content().orElse(null));
        message.clientIp().ifPresent(request::clientIp);
        message.idempotencyKey().ifPresent(request::idempotencyKey);
        SendResult result = delegate.send(request.build());
        SendResult own = message.accepted(result.providerMessageId().orElse(null));
        for (Map.Entry<String, String> detail : result.details().entrySet()) {
            own = own.withDetail(detail.getKey(), detail.getValue());
        }
        return own.withDetail("deliveredBy", result.connectorId());
    }

    @Override
    public boolean supportsConnectionCheck() {
        return delegate.supportsConnectionCheck();
    }

    @Override
    public void checkConnection() {
        delegate.checkConnection();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "delivery through " + delegate;
    }
}
