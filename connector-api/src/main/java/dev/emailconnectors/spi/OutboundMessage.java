package dev.emailconnectors.spi;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailTemplate;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.RenderedContent;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.TemplateType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Returns the content the host rendered itself, already checked (no control character in a header value). A
     * connector needs no special case for it: {@link #selectEntry}, {@link #selectTemplate()} and {@link #render()}
     * answer with it, and {@link #render(EmailTemplate)} of the template they gave returns it unchanged. Connectors
     * that forward a message to another connector pass it on.
     *
     * @return the host-rendered content, if the host gave it
     */
    default Optional<RenderedContent> content() {
        return Optional.empty();
    }

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
     * Selects what to send for a connector whose configured entries are not all templates the core can render (a
     * provider's stored template, referenced by id), in the core's order: the host's template for the type, else the
     * configured entry for the type, else the host's {@code Generic}, else the configured {@code Generic}. A message
     * with {@link #content() host-rendered content} always takes the host's side, with {@link #selectTemplate()}.
     *
     * @param <E> the connector's entry type
     * @param configured the configured entry for a type, if any
     * @param host wraps a host template as an entry
     * @return the entry to send
     * @throws EmailConnectorException with {@link ErrorCode#TEMPLATE_NOT_FOUND} when there is none
     */
    default <E> E selectEntry(Function<TemplateType, Optional<E>> configured, Function<EmailTemplate, E> host) {
        if (content().isPresent()) {
            return host.apply(selectTemplate());
        }
        TemplateType asked = type();
        for (TemplateType t : asked == TemplateType.GENERIC ? List.of(asked) : List.of(asked, TemplateType.GENERIC)) {
            Optional<EmailTemplate> hostTemplate = hostTemplate(t);
            if (hostTemplate.isPresent()) {
                return host.apply(hostTemplate.get());
            }
            Optional<E> entry = configured.apply(t);
            if (entry.isPresent()) {
                return entry.get();
            }
        }
        throw new EmailConnectorException(
                ErrorCode.TEMPLATE_NOT_FOUND,
                "No template for " + asked + (asked == TemplateType.GENERIC ? "" : " and no Generic fallback")
                        + " in the host's templates or the configuration of connector '" + connectorId() + "'");
    }

    /**
     * Selects the template: the host's template for the type, else the configuration's, else the host's
     * {@code Generic}, else the configuration's {@code Generic}. For a message with {@link #content() host-rendered
     * content}, a template standing for that content, which {@link #render(EmailTemplate)} returns as given.
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
     * Renders a given template with the payload. The template {@link #selectTemplate()} returned for host-rendered
     * content is not rendered: the content comes back as given.
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
