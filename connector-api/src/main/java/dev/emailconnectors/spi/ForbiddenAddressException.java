package dev.emailconnectors.spi;

import java.net.SocketException;

/**
 * Thrown by the sockets of a {@link NetworkGuard} (and by its lookups) when the {@link NetworkPolicy} forbids the
 * address about to be connected to. A {@link SocketException}, so that clients that connect through a socket factory
 * fail the connection as they would for any network error; {@link NetworkGuard#connectFailure} turns it into an
 * {@code INVALID_CONFIG} error. Its message names the configured host, never the address.
 */
public final class ForbiddenAddressException extends SocketException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the reason, without the forbidden address
     */
    public ForbiddenAddressException(String message) {
        super(message);
    }
}
