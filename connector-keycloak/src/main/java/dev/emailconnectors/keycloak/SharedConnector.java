package dev.emailconnectors.keycloak;

import dev.emailconnectors.EmailConnector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realm's connector, shared by the sends of the realm, with the fingerprint of the configuration it was made from.
 * When the realm's settings change it is retired: it closes once the last send still using it has finished, so a
 * message in flight is never cut off by an administrator saving new settings. Thread-safe.
 */
final class SharedConnector {
    private final String fingerprint;
    private final EmailConnector connector;
    private final AtomicInteger users = new AtomicInteger();
    private volatile boolean retired;

    SharedConnector(String fingerprint, EmailConnector connector) {
        this.fingerprint = fingerprint;
        this.connector = connector;
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * Starts a use of the connector.
     *
     * @return the connector, or null when it has been retired (look up the realm's current one)
     */
    EmailConnector acquire() {
        users.incrementAndGet();
        if (retired) {
            release();
            return null;
        }
        return connector;
    }

    /** Ends a use started with a successful {@link #acquire()}. */
    void release() {
        if (users.decrementAndGet() == 0 && retired) {
            connector.close();
        }
    }

    /** Retires the connector: closed now if unused, else by the last {@link #release()}. */
    void retire() {
        retired = true;
        if (users.get() == 0) {
            connector.close(); // idempotent, should a release close it too
        }
    }

    /** @return the connector itself, whatever its state, for tests */
    EmailConnector connector() {
        return connector;
    }
}
