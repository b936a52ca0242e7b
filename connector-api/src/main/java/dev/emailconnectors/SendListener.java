package dev.emailconnectors;

import java.time.Duration;
import java.util.List;

/**
 * Observes every send of every connector created with it (pass it in the
 * {@link dev.emailconnectors.spi.ConnectorContext}). The core calls it, never the providers, so every connector,
 * including third-party ones, reports the same way. Calls happen on the sending thread; keep them fast and do not
 * throw (an exception from a listener is logged and ignored).
 */
public interface SendListener {

    /**
     * Called before the message is checked and handed to the provider.
     *
     * @param event which send
     */
    default void onStart(SendEvent event) {}

    /**
     * Called when the provider accepted the message.
     *
     * @param event which send
     * @param result the receipt
     * @param duration time since {@link #onStart(SendEvent)}
     */
    default void onSuccess(SendEvent event, SendResult result, Duration duration) {}

    /**
     * Called when the send failed, including failures of the request itself (bad recipient, missing template).
     *
     * @param event which send
     * @param error the failure
     * @param duration time since {@link #onStart(SendEvent)}
     */
    default void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {}

    /**
     * Returns a listener that does nothing.
     *
     * @return the no-op listener
     */
    static SendListener none() {
        return NoListener.INSTANCE;
    }

    /**
     * Returns a listener that calls each of the given listeners in order.
     *
     * @param listeners the listeners
     * @return the combined listener
     */
    static SendListener composite(List<SendListener> listeners) {
        List<SendListener> copy = List.copyOf(listeners);
        return new SendListener() {
            @Override
            public void onStart(SendEvent event) {
                copy.forEach(l -> l.onStart(event));
            }

            @Override
            public void onSuccess(SendEvent event, SendResult result, Duration duration) {
                copy.forEach(l -> l.onSuccess(event, result, duration));
            }

            @Override
            public void onFailure(SendEvent event, EmailConnectorException error, Duration duration) {
                copy.forEach(l -> l.onFailure(event, error, duration));
            }
        };
    }
}

/** The shared no-op listener. */
enum NoListener implements SendListener {
    INSTANCE
}
