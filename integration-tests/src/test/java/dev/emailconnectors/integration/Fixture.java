package dev.emailconnectors.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.spi.ConnectorContext;
import java.util.List;

/**
 * A connector wired to a loopback peer: how to configure it, what reached the peer, and how to make the peer fail.
 * Configurations use a short timeout and no internal retries, so that a fault shows as one clear outcome.
 */
interface Fixture extends AutoCloseable {

    /** @return the connector id */
    String id();

    /**
     * Builds a valid configuration that points at the peer.
     *
     * @param secret the value every secret field is built from (sentinel tests plant a marker here)
     * @return the configuration
     */
    ObjectNode config(String secret);

    /**
     * Adds what the connector needs from the host (operator settings, for example).
     *
     * @param context the context being built
     * @return the same builder
     */
    default ConnectorContext.Builder context(ConnectorContext.Builder context) {
        return context;
    }

    /** @return whether the connector sends to its {@code endpoint} (the built-in service accepts and ignores one) */
    default boolean usesEndpoint() {
        return true;
    }

    /** @return whether the peer can be made to fail (a file outbox cannot) */
    default boolean canFail() {
        return true;
    }

    /** @return the messages the peer accepted since the last reset */
    List<Delivered> delivered();

    /** @return everything that reached the peer since the last reset, accepted or not, as raw text */
    List<String> wire();

    /** @return whether the connector renders templates (HTML escaping applies) */
    default boolean rendersTemplates() {
        return true;
    }

    /** Makes the peer refuse the credentials from now on. */
    void failAuthentication();

    /**
     * Makes the peer answer with a provider error whose text echoes the given text and every credential that reached
     * it on the wire (to test that errors are scrubbed).
     */
    void failWithProviderError(String echo);

    /** Makes the peer stop answering (longer than the configured timeout). */
    void hang();

    /** Forgets what the peer received and every scripted failure. */
    void reset();

    @Override
    void close();
}
