package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects under a {@link NetworkPolicy}, checking the address that is actually connected to: a host is resolved once,
 * every address is checked, and the connection goes to exactly a checked address, so DNS rebinding (a name that
 * answers with a public address for the check and a private one for the connection) and numeric host forms
 * ({@code 127.1}, {@code 2130706433}, {@code 0}, {@code [::127.0.0.1]}) cannot slip past. Every transport uses it:
 *
 * <ul>
 *   <li>clients that open their own sockets (SMTP, raw protocols): {@link #connect(String, int, Duration)};
 *   <li>clients that resolve names themselves and connect a socket from a factory (OkHttp): {@link #socketFactory()},
 *       whose sockets check the address inside {@code connect}, as the last step before the SYN;
 *   <li>{@code HttpsURLConnection}-based clients (the AWS SDK's URL-connection client): {@link #sslSocketFactory};
 *   <li>HTTP clients that honour the JVM's proxy settings: {@link #checkDirect(URI)} before each request.
 * </ul>
 *
 * <p><b>Proxies.</b> A proxy resolves the target itself, out of the policy's sight. So under a restrictive policy an
 * HTTP client must not use one: {@link #checkDirect(URI)} refuses a request that the JVM's {@link ProxySelector} would
 * route through a proxy ({@link ErrorCode#NOT_CONFIGURED}, a setting for the operator), and the client is then built
 * without a proxy. Sockets from this class connect to an already checked address; when the JVM sends plain sockets
 * through a SOCKS proxy ({@code socksProxyHost}), the proxy receives that checked address, never a name.
 *
 * <p><b>Error text.</b> Failures say which configured host failed, never which address it resolved to, and under a
 * restrictive policy every failure to connect reads the same (refused, unreachable, reset, timed out or a failed TLS
 * handshake), so a tenant cannot use a connector as a port scanner. The underlying exception is then logged at DEBUG
 * on this class's logger for the operator, not attached.
 *
 * <p>With {@link NetworkPolicy#allowAll()} nothing is checked and messages keep the detail. Instances are immutable,
 * thread-safe and equal when their policies are equal, so clients built from equal guards can share connections.
 */
public final class NetworkGuard {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkGuard.class);

    private final NetworkPolicy policy;

    private NetworkGuard(NetworkPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Returns the guard of a policy.
     *
     * @param policy the host's policy, usually {@link ConnectorContext#networkPolicy()}
     * @return the guard
     */
    public static NetworkGuard of(NetworkPolicy policy) {
        return new NetworkGuard(policy);
    }

    /** @return the policy this guard enforces */
    public NetworkPolicy policy() {
        return policy;
    }

    /** @return true unless the policy is {@link NetworkPolicy#allowAll()}: addresses are checked and errors terse */
    public boolean restrictive() {
        return policy != NetworkPolicy.allowAll();
    }

    /**
     * Resolves a host once and checks every address; a literal address in any form the JDK accepts is parsed, not
     * looked up. Connect to the returned addresses, never to the name again.
     *
     * @param host a host name or literal address (IPv6 with or without brackets)
     * @return the permitted addresses, in the resolver's order
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} when an address is forbidden, or
     *     {@link ErrorCode#PROVIDER_UNAVAILABLE} when the host does not resolve
     */
    public List<InetAddress> resolve(String host) {
        try {
            return lookup(host);
        } catch (ForbiddenAddressException e) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, e.getMessage());
        } catch (UnknownHostException e) {
            throw new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE, "Host '" + host + "' does not resolve (unknown host name)");
        }
    }

    List<InetAddress> lookup(String host) throws UnknownHostException, ForbiddenAddressException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(h));
        if (restrictive()) {
            try {
                policy.check(host, addresses);
            } catch (EmailConnectorException e) {
                throw new ForbiddenAddressException(e.detail());
            }
        }
        return addresses;
    }

    /**
     * Checks the address a socket is about to connect to. An unresolved address is refused under a restrictive
     * policy: whoever resolves it later (a proxy, for example) would do so unchecked.
     *
     * @param target the address and port
     * @throws ForbiddenAddressException when the policy forbids it
     */
    public void checkConnect(InetSocketAddress target) throws ForbiddenAddressException {
        if (!restrictive()) {
            return;
        }
        String host = target.isUnresolved() ? target.getHostString() : nameOf(target.getAddress());
        if (target.isUnresolved()) {
            throw new ForbiddenAddressException("Host '" + host + "' was not resolved before connecting, so this"
                    + " server's network policy cannot check the address; connect to a checked address");
        }
        if (!policy.permits(target.getAddress())) {
            throw new ForbiddenAddressException(forbiddenMessage(host));
        }
    }

    /**
     * Opens a TCP connection to a host: resolves it once, checks every address, then connects to the checked
     * addresses in turn until one answers, all within the timeout.
     *
     * @param host the host name or literal address
     * @param port the port
     * @param timeout the longest the whole connect may take (all addresses); zero waits without limit
     * @return the connected socket; the caller closes it (and may layer TLS on it)
     * @throws EmailConnectorException with {@link ErrorCode#INVALID_CONFIG} for a forbidden address, else
     *     {@link ErrorCode#PROVIDER_UNAVAILABLE} (retryable) with the text described on this class
     */
    public Socket connect(String host, int port, Duration timeout) {
        try {
            return open(host, port, timeout.toMillis());
        } catch (IOException e) {
            throw connectFailure(host + ":" + port, e);
        }
    }

    Socket open(String host, int port, long timeoutMillis) throws IOException {
        List<InetAddress> addresses = lookup(host);
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        IOException last = null;
        for (InetAddress address : addresses) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (timeoutMillis > 0 && left <= 0) {
                break;
            }
            Socket socket = new GuardedSocket(this);
            try {
                socket.connect(
                        new InetSocketAddress(address, port),
                        timeoutMillis <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                if (e instanceof ForbiddenAddressException) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new SocketTimeoutException("connect timed out");
    }

    /**
     * Returns a socket factory whose sockets check their address in {@code connect}: for clients that resolve names
     * themselves (give it to OkHttp with {@code OkHttpClient.Builder.socketFactory}). Its
     * {@code createSocket(host, port)} resolves through {@link #resolve(String)}.
     *
     * @return the factory; equal factories for equal guards
     */
    public SocketFactory socketFactory() {
        return new GuardedSocketFactory(this);
    }

    /**
     * Wraps a TLS socket factory so that every connection it makes is checked. Its unconnected
     * {@code createSocket()} returns a plain checking socket, onto which the caller layers TLS with
     * {@code createSocket(socket, host, port, autoClose)} (as {@code HttpsURLConnection} does, keeping SNI and host
     * name verification on the configured name); its connecting methods check, connect, then layer TLS.
     *
     * @param tls the factory that does the TLS, for example {@code SSLContext.getDefault().getSocketFactory()}
     * @return the checking factory
     */
    public SSLSocketFactory sslSocketFactory(SSLSocketFactory tls) {
        return new GuardedSslSocketFactory(this, Objects.requireNonNull(tls, "tls"));
    }

    /**
     * Refuses, under a restrictive policy, a request that the JVM's {@link ProxySelector} would send through a proxy
     * ({@code https.proxyHost}, {@code socksProxyHost}, a host-installed selector): the proxy would resolve and connect
     * to the target where the policy cannot check it. Call it before each request and build the client without a
     * proxy.
     *
     * @param target the request's URI
     * @throws EmailConnectorException with {@link ErrorCode#NOT_CONFIGURED} when a proxy would be used
     */
    public void checkDirect(URI target) {
        ProxySelector selector = restrictive() ? ProxySelector.getDefault() : null;
        if (selector == null) {
            return;
        }
        List<Proxy> proxies;
        try {
            proxies = selector.select(target);
        } catch (RuntimeException e) {
            return; // no usable answer: the client connects directly
        }
        for (Proxy p : proxies == null ? List.<Proxy>of() : proxies) {
            if (p.type() != Proxy.Type.DIRECT) {
                throw new EmailConnectorException(
                        ErrorCode.NOT_CONFIGURED,
                        "This server routes requests to '" + target.getHost() + "' through a proxy, where its network"
                                + " policy cannot check the address finally connected to, so the request was not sent;"
                                + " the operator must exempt connector traffic from the proxy (http.nonProxyHosts) or"
                                + " enforce the policy at the proxy and use NetworkPolicy.allowAll()");
            }
        }
    }

    /**
     * Turns a failure to connect into an exception whose text reveals neither resolved addresses nor whether a port is
     * open: see this class's description.
     *
     * @param target the configured host and port, as the tenant wrote them
     * @param e the failure
     * @return the exception to throw
     */
    public EmailConnectorException connectFailure(String target, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException) {
                return new EmailConnectorException(ErrorCode.INVALID_CONFIG, t.getMessage());
            }
        }
        if (e instanceof UnknownHostException) {
            return new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE, target + " could not be reached: the host name does not resolve");
        }
        if (restrictive()) {
            LOG.debug("Connecting to {} failed", target, e);
            return EmailConnectorException.builder(
                            ErrorCode.PROVIDER_UNAVAILABLE,
                            target + " could not be reached"
                                    + " (connection refused, unreachable, reset or timed out, or the TLS handshake failed)")
                    .retryable(true)
                    .build();
        }
        return EmailConnectorException.builder(
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        target + " could not be reached: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                .retryable(true)
                .cause(e)
                .build();
    }

    /** @return the name an address was resolved from, or a neutral word for a literal (never the address) */
    private static String nameOf(InetAddress address) {
        String s = address.toString(); // "name/literal", or "/literal" when there is no name
        int slash = s.indexOf('/');
        return slash > 0 ? s.substring(0, slash) : null;
    }

    static String forbiddenMessage(String host) {
        if (host == null) {
            return "The configured address is one that this server's network policy forbids (loopback, private,"
                    + " link-local, metadata, reserved or this server's own); use the provider's public host name";
        }
        return "Host '" + host + "' resolves to an address that this server's network policy forbids (loopback,"
                + " private, link-local, metadata, reserved or this server's own); use the provider's public host name";
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkGuard && ((NetworkGuard) o).policy.equals(policy);
    }

    @Override
    public int hashCode() {
        return policy.hashCode();
    }

    @Override
    public String toString() {
        return "NetworkGuard[" + policy + "]";
    }
}
