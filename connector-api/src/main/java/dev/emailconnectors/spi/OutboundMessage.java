package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.util.Optional;

/**
 * A message the core has checked and is handing to an {@link EmailSender}: a valid recipient, a known type, a
 * payload, and the means to select and render the right template. Created by the core; not implemented by providers.
 */
public interface OutboundMessage {

    /** @return the id of the connector sending it */
    String connectorId();

    /** @return the message type */
    TemplateType type();

    /** @return the checked recipient */
    EmailAddress to();

    /** @return the data to render */
    Payload payload();

    /** @return the IP address of the user who triggered the message, when the host gave it */
    Optional<String> clientIp();

    /** @return the host's idempotency key, when it gave one */
    Optional<String> idempotencyKey();

    /**
     * Returns an id for this logical message, stable across retries when the host gave an idempotency key (derived
     * from it by hashing) and random otherwise. It contains only {@code [A-Za-z0-9_]}, so it fits headers and ids.
     *
     * @return the message id, for example {@code msg_3kq9…}
     */
    String messageId();

    /** @return 1 for a first try; higher for retries */
    int attempt();

    /** @return the language the message should be in ({@link Payload#preferredLanguageTag()}), or {@code ""} */
    String languageTag();

    /**
     * Looks up the host's template for a type, trying the language tag, then shorter tags ({@code fr-CA}, then
     * {@code fr}), then the host's default ({@code ""}).
     *
     * @param type the message type
     * @return the host's template, if it has one
     */
    Optional<EmailTemplate> hostTemplate(TemplateType type);

    /**
     * Selects the template: the host's template for the type, else the configuration's, else the host's
     * {@code Generic}, else the configuration's {@code Generic}.
     *
     * @return the template to render
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    EmailTemplate selectTemplate();

    /**
     * Renders {@link #selectTemplate()} with the payload.
     *
     * @return the rendered message
     */
    RenderedEmail render();

    /**
     * Renders a given template with the payload.
     *
     * @param template the template
     * @return the rendered message
     */
    RenderedEmail render(EmailTemplate template);

    /**
     * Builds the receipt for this message, stamped with the connector id and the context's clock.
     *
     * @param providerMessageId the provider's id for the message, or null when it returns none
     * @return the receipt
     */
    SendResult accepted(String providerMessageId);
}
