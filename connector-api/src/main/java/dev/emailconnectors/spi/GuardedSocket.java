package dev.emailconnectors.spi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/** A plain socket that asks its {@link NetworkGuard} about the address right before connecting to it. */
final class GuardedSocket extends Socket {
    private final NetworkGuard guard;

    GuardedSocket(NetworkGuard guard) {
        this.guard = guard;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (endpoint instanceof InetSocketAddress) {
            guard.checkConnect((InetSocketAddress) endpoint);
        } else if (guard.restrictive()) {
            throw new ForbiddenAddressException("Only IP socket addresses can be checked by the network policy");
        }
        super.connect(endpoint, timeout);
    }
}
