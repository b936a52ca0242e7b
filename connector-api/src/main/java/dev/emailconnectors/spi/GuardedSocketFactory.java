package dev.emailconnectors.spi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** {@link NetworkGuard#socketFactory()}: every socket checks its address when it connects. */
final class GuardedSocketFactory extends SocketFactory {
    private final NetworkGuard guard;

    GuardedSocketFactory(NetworkGuard guard) {
        this.guard = guard;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(guard);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return guard.open(host, port, 0);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        // the first address, as new Socket(host, port, localHost, localPort) would
        return createSocket(guard.lookup(host).get(0), port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new GuardedSocket(guard), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new GuardedSocket(guard);
        try {
            socket.bind(new InetSocketAddress(localAddress, localPort));
        } catch (IOException e) {
            NetworkGuard.closeQuietly(socket);
            throw e;
        }
        return connected(socket, new InetSocketAddress(address, port));
    }

    static Socket connected(Socket socket, InetSocketAddress target) throws IOException {
        try {
            socket.connect(target);
            return socket;
        } catch (IOException e) {
            NetworkGuard.closeQuietly(socket);
            throw e;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuardedSocketFactory && ((GuardedSocketFactory) o).guard.equals(guard);
    }

    @Override
    public int hashCode() {
        return guard.hashCode();
    }
}
