package dev.emailconnectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host's one active email connector. An authentication server has a single email connector at a time; an admin
 * switches it by saving a new configuration, which takes effect immediately. So test a configuration with
 * {@link #testSend(String, JsonNode, String)} before saving it with {@link #switchTo(String, JsonNode)}.
 *
 * <p>Switching is atomic: the new connector is validated and created first (an invalid configuration leaves the
 * current one active), then swapped in; sends already in flight finish on the old connector, which is closed when
 * the last of them returns. Thread-safe.
 *
 * <pre>{@code
 * ActiveEmailConnector email = new ActiveEmailConnector(EmailConnectors.discover(), context);
 * email.testSend("smtp", newConfig, adminAddress);   // throws with the precise problem
 * email.switchTo("smtp", newConfig);                 // saved: every later send uses it
 * email.send(TemplateType.SIGN_IN, userAddress, Payload.builder().code(code).build());
 * }</pre>
 */
public final class ActiveEmailConnector implements AutoCloseable {
    private static final String TEST_CODE = "000000";

    private final ConnectorCatalog catalog;
    private final ConnectorContext context;
    private final AtomicReference<Slot> active = new AtomicReference<>();

    /**
     * Creates a holder with no active connector and the default context.
     *
     * @param catalog where connectors come from
     */
    public ActiveEmailConnector(ConnectorCatalog catalog) {
        this(catalog, ConnectorContext.defaults());
    }

    /**
     * Creates a holder with no active connector.
     *
     * @param catalog where connectors come from
     * @param context what the host provides to every connector it creates
     */
    public ActiveEmailConnector(ConnectorCatalog catalog, ConnectorContext context) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Sends through the active connector.
     *
     * @param template the message type
     * @param to the recipient
     * @param payload the data to render
     * @return the receipt
     * @throws EmailConnectorException with {@link ErrorCode#NOT_CONFIGURED} when no connector is active, or the
     *     connector's failure
     */
    public SendResult send(TemplateType template, String to, Payload payload) {
        return send(SendRequest.of(template, to, payload));
    }

    /**
     * Sends through the active connector.
     *
     * @param request the message
     * @return the receipt
     * @throws EmailConnectorException with {@link ErrorCode#NOT_CONFIGURED} when no connector is active, or the
     *     connector's failure
     */
    public SendResult send(SendRequest request) {
        while (true) {
            Slot slot = active.get();
            if (slot == null) {
                throw new EmailConnectorException(
                        ErrorCode.NOT_CONFIGURED,
                        "No email connector is configured, so email sign-in, sign-up and password reset cannot work"
                                + " until an administrator sets one up");
            }
            if (slot.acquire()) {
                try {
                    return slot.connector.send(request);
                } finally {
                    slot.release();
                }
            }
            // the slot was retired between get() and acquire(); the next loop sees its successor
        }
    }

    /**
     * Returns the connection pool of the active connector, for gauges.
     *
     * @return the pool snapshot, or empty when no connector is active or it keeps no pool
     */
    public Optional<ConnectionPoolStats> connectionPool() {
        Slot slot = active.get();
        return slot == null ? Optional.empty() : slot.connector.connectionPool();
    }

    /** @return the id of the active connector, if any */
    public Optional<String> activeId() {
        Slot slot = active.get();
        return slot == null ? Optional.empty() : Optional.of(slot.connector.id());
    }

    /**
     * Validates and creates a connector, then makes it the active one. The previous connector finishes its in-flight
     * sends and is closed.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} (listing every violation) or
     *     {@link ErrorCode#NOT_CONFIGURED} for an unknown id; the active connector is then unchanged
     */
    public void switchTo(String idOrAlias, JsonNode config) {
        EmailConnector created = catalog.create(idOrAlias, config, context);
        retire(active.getAndSet(new Slot(created)));
    }

    /**
     * Sends a {@code Generic} test message (code {@code 000000}) through a configuration that is not saved, leaving
     * the active connector untouched. Connectors with a connection check (SMTP) run it first, so a wrong password is
     * reported as such before anything is sent.
     *
     * @param idOrAlias the connector id or alias
     * @param config the configuration to test
     * @param to where to send the test message
     * @return the receipt
     * @throws EmailConnectorException with the precise failure
     */
    public SendResult testSend(String idOrAlias, JsonNode config, String to) {
        try (EmailConnector candidate = catalog.create(idOrAlias, config, context)) {
            if (candidate.supportsConnectionCheck()) {
                candidate.checkConnection();
            }
            return candidate.sendMessage(
                    TemplateType.GENERIC, to, Payload.builder().code(TEST_CODE).build());
        }
    }

    /** Removes the active connector; later sends fail with {@link ErrorCode#NOT_CONFIGURED}. */
    public void clear() {
        retire(active.getAndSet(null));
    }

    /** Clears the active connector and closes it once its in-flight sends finish. */
    @Override
    public void close() {
        clear();
    }

    private static void retire(Slot slot) {
        if (slot != null) {
            slot.release();
        }
    }

    @Override
    public String toString() {
        return "ActiveEmailConnector[" + activeId().orElse("none") + "]";
    }

    /** An active connector with a count of its users: one for being active, one per in-flight send. */
    private static final class Slot {
        private final EmailConnector connector;
        private final AtomicInteger users = new AtomicInteger(1);

        Slot(EmailConnector connector) {
            this.connector = connector;
        }

        boolean acquire() {
            while (true) {
                int n = users.get();
                if (n == 0) {
                    return false;
                }
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                connector.close();
            }
        }
    }
}
