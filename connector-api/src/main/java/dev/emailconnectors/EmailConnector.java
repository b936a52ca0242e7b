package dev.emailconnectors;

import java.util.Optional;

/**
 * A configured connector, ready to send. Create one per tenant or configuration with
 * {@link ConnectorCatalog#create(String, com.fasterxml.jackson.databind.JsonNode)}, share it between threads, and
 * {@link #close()} it when the configuration changes or the application stops (it may hold pooled connections).
 *
 * <p>Every send checks the recipient, the template type and the payload before any I/O, then selects and renders the
 * template, hands the message to the provider, and returns a {@link SendResult} once the provider accepted it. Every
 * failure is an {@link EmailConnectorException}.
 */
public interface EmailConnector extends AutoCloseable {

    /** @return the connector id, for example {@code "smtp"} */
    String id();

    /**
     * Sends one message.
     *
     * @param template the message type
     * @param to the recipient address
     * @param payload the data to render
     * @return the receipt: accepted for delivery, not yet delivered
     * @throws EmailConnectorException when the message was not accepted
     */
    default SendResult sendMessage(TemplateType template, String to, Payload payload) {
        return send(SendRequest.of(template, to, payload));
    }

    /**
     * Sends a message the host rendered itself: the subject, text and HTML go out as given, without a template.
     *
     * @param template the message type (for metrics, limits and webhook receivers)
     * @param to the recipient address
     * @param content the rendered subject and bodies
     * @return the receipt: accepted for delivery, not yet delivered
     * @throws EmailConnectorException when the message was not accepted, or with {@link ErrorCode#INVALID_PAYLOAD}
     *     when a header value of the content holds a control character
     */
    default SendResult sendRendered(TemplateType template, String to, RenderedContent content) {
        return send(SendRequest.builder(template, to, Payload.empty())
                .content(content)
                .build());
    }

    /**
     * Sends one message with optional delivery details.
     *
     * @param request the message
     * @return the receipt: accepted for delivery, not yet delivered
     * @throws EmailConnectorException when the message was not accepted
     */
    SendResult send(SendRequest request);

    /**
     * Returns the state of the connector's connection pool, for connectors that keep one (SMTP).
     *
     * @return the pool snapshot, or empty when the connector has no pool of its own
     */
    default Optional<ConnectionPoolStats> connectionPool() {
        return Optional.empty();
    }

    /**
     * Tells whether the connector retries failed attempts itself, so that retry layers above it do not retry again.
     *
     * @return true when the connector has its own retry policy
     */
    default boolean retriesInternally() {
        return false;
    }

    /**
     * Tells whether {@link #checkConnection()} can test this connector without sending a message.
     *
     * @return true for connectors with a connection check (SMTP)
     */
    default boolean supportsConnectionCheck() {
        return false;
    }

    /**
     * Connects to the provider, authenticates and disconnects, without sending anything.
     *
     * @throws EmailConnectorException with the failure, or {@link ErrorCode#NOT_IMPLEMENTED} when
     *     {@link #supportsConnectionCheck()} is false
     */
    default void checkConnection() {
        throw new EmailConnectorException(
                ErrorCode.NOT_IMPLEMENTED, "Connector '" + id() + "' has no connection check; send a test message");
    }

    /** Releases every resource (connections, threads, clients). Idempotent; later sends fail. */
    @Override
    void close();
}
