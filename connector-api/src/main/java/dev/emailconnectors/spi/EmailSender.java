package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendResult;

/**
 * The provider-specific half of a connector: moves one prepared message to the provider. Must be thread-safe; the
 * core calls it concurrently from many threads and never after {@link #close()} has returned.
 */
public interface EmailSender extends AutoCloseable {

    /**
     * Hands one message to the provider.
     *
     * @param message the checked message; {@link OutboundMessage#render()} gives its rendered content
     * @return the receipt, usually {@link OutboundMessage#accepted(String)}
     * @throws EmailConnectorException for every failure, with the most precise {@link ErrorCode}
     */
    SendResult send(OutboundMessage message);

    /**
     * Tells whether this sender retries failed attempts itself (an HTTP client with a retry policy, the AWS SDK).
     * Retry layers above a connector that retries internally do not retry it again, so no message is sent more times
     * than one layer allows.
     *
     * @return true when the sender has its own retry policy
     */
    default boolean retriesInternally() {
        return false;
    }

    /**
     * Returns the state of this sender's connection pool, if it keeps one.
     *
     * @return the pool snapshot, or empty
     */
    default java.util.Optional<dev.emailconnectors.ConnectionPoolStats> connectionPool() {
        return java.util.Optional.empty();
    }

    /** @return true when {@link #checkConnection()} is implemented */
    default boolean supportsConnectionCheck() {
        return false;
    }

    /**
     * Connects, authenticates and disconnects without sending.
     *
     * @throws EmailConnectorException with the failure
     */
    default void checkConnection() {
        throw new EmailConnectorException(ErrorCode.NOT_IMPLEMENTED, "This connector has no connection check");
    }

    /** Releases connections, threads and clients. Called once. */
    @Override
    default void close() {}
}
