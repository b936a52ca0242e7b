package dev.emailconnectors.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/** {@link NetworkGuard#sslSocketFactory}: checks the address of every connection, then lets the TLS factory work. */
final class GuardedSslSocketFactory extends SSLSocketFactory {
    private final NetworkGuard guard;
    private final SSLSocketFactory tls;

    GuardedSslSocketFactory(NetworkGuard guard, SSLSocketFactory tls) {
        this.guard = guard;
        this.tls = tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** Returns a plain checking socket; the caller layers TLS on it once it is connected. */
    @Override
    public Socket createSocket() {
        return new GuardedSocket(guard);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        if (socket.isConnected() && !(socket instanceof GuardedSocket)) {
            guard.checkConnect(new InetSocketAddress(socket.getInetAddress(), socket.getPort()));
        }
        return tls.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return tls.createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layered(guard.open(host, port, 0), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket plain = new GuardedSocketFactory(guard).createSocket(host, port, localHost, localPort);
        return layered(plain, host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket plain = new GuardedSocketFactory(guard).createSocket(host, port);
        return layered(plain, host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket plain = new GuardedSocketFactory(guard).createSocket(address, port, localAddress, localPort);
        return layered(plain, address.getHostAddress(), port);
    }

    private Socket layered(Socket plain, String host, int port) throws IOException {
        try {
            return tls.createSocket(plain, host, port, true);
        } catch (IOException e) {
            NetworkGuard.closeQuietly(plain);
            throw e;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuardedSslSocketFactory
                && ((GuardedSslSocketFactory) o).guard.equals(guard)
                && ((GuardedSslSocketFactory) o).tls.equals(tls);
    }

    @Override
    public int hashCode() {
        return 31 * guard.hashCode() + tls.hashCode();
    }
}
