package dev.emailconnectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NetworkGuard")
class NetworkGuardTest {
    private static final NetworkGuard PUBLIC_ONLY = NetworkGuard.of(NetworkPolicy.publicAddressesOnly());
    /** Restrictive, but lets the tests reach their own loopback listener on 127.0.0.1 (and nothing else local). */
    private static final NetworkGuard LOOPBACK_V4_ONLY =
            NetworkGuard.of(a -> a.getHostAddress().equals("127.0.0.1"));

    private final ServerSocketChannel listener = listen();

    private static ServerSocketChannel listen() {
        try {
            ServerSocketChannel c = ServerSocketChannel.open();
            c.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            c.configureBlocking(false);
            return c;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int port() {
        return listener.socket().getLocalPort();
    }

    /** @return whether a connection reached the listener (it would be complete by the time connect returned) */
    private boolean reached() throws IOException {
        var accepted = listener.accept();
        if (accepted != null) {
            accepted.close();
            return true;
        }
        return false;
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    @ParameterizedTest(name = "refuses {0} before connecting")
    @ValueSource(strings = {"127.0.0.1", "127.1", "2130706433", "0", "0.0.0.0", "[::127.0.0.1]", "::ffff:127.0.0.1"})
    void refusesLoopbackInEveryForm(String host) throws IOException {
        assertThatThrownBy(() -> PUBLIC_ONLY.connect(host, port(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("network policy forbids")
                            .doesNotContain("127.0.0.1:");
                });
        assertThat(reached()).isFalse();
    }

    @Test
    @DisplayName("names the host, never the address it resolved to")
    void messageHasNoAddress() {
        assertThatThrownBy(() -> PUBLIC_ONLY.resolve("localhost"))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("'localhost'")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("::1"));
    }

    @Test
    @DisplayName("connects to exactly the address it checked")
    void connectsToCheckedAddress() throws IOException {
        try (Socket s = LOOPBACK_V4_ONLY.connect("127.0.0.1", port(), Duration.ofSeconds(2))) {
            assertThat(s.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
        }
        assertThat(reached()).isTrue();
    }

    @Test
    @DisplayName("sockets from its factory check the address inside connect, whoever resolved it")
    void factorySocketsCheck() throws IOException {
        SocketFactory factory = PUBLIC_ONLY.socketFactory();
        Socket s = factory.createSocket();
        assertThatThrownBy(() -> s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port()), 1000))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageNotContaining("127.0.0.1");
        assertThatThrownBy(() -> s.connect(InetSocketAddress.createUnresolved("example.com", 443)))
                .isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> factory.createSocket("127.1", port())).isInstanceOf(ForbiddenAddressException.class);
        s.close();
        assertThat(reached()).isFalse();
        assertThat(factory)
                .isEqualTo(NetworkGuard.of(NetworkPolicy.publicAddressesOnly()).socketFactory());
        try (Socket ok = LOOPBACK_V4_ONLY.socketFactory().createSocket("127.0.0.1", port())) {
            assertThat(ok.isConnected()).isTrue();
        }
    }

    @Test
    @DisplayName("its TLS factory checks before connecting and leaves unconnected sockets plain for layering")
    void tlsFactoryChecks() throws Exception {
        SSLSocketFactory tls =
                PUBLIC_ONLY.sslSocketFactory(SSLContext.getDefault().getSocketFactory());
        assertThatThrownBy(() -> tls.createSocket("127.1", port())).isInstanceOf(ForbiddenAddressException.class);
        try (Socket unconnected = tls.createSocket()) {
            assertThatThrownBy(() -> unconnected.connect(new InetSocketAddress("127.0.0.1", port())))
                    .isInstanceOf(ForbiddenAddressException.class);
        }
        assertThat(reached()).isFalse();
    }

    @Test
    @DisplayName("under a restrictive policy, refused, silent-TLS and broken connections read the same")
    void noPortOracle() throws Exception {
        int closed;
        try (ServerSocketChannel c = ServerSocketChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            closed = c.socket().getLocalPort();
        }
        String refused = LOOPBACK_V4_ONLY
                .connectFailure("127.0.0.1:" + closed, connectError(closed))
                .getMessage()
                .replace(String.valueOf(closed), "P");
        String handshake = LOOPBACK_V4_ONLY
                .connectFailure("127.0.0.1:" + port(), tlsError(port()))
                .getMessage()
                .replace(String.valueOf(port()), "P");
        assertThat(refused).isEqualTo(handshake).doesNotContainIgnoringCase("refused:");
        EmailConnectorException e = LOOPBACK_V4_ONLY.connectFailure("h:1", connectError(closed));
        assertThat(e.getCause()).isNull();
        assertThat(e.retryable()).isTrue();
        assertThat(NetworkGuard.of(NetworkPolicy.allowAll())
                        .connectFailure("h:1", connectError(closed))
                        .getMessage())
                .contains("ConnectException");
    }

    private static IOException connectError(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            throw new IllegalStateException("connected to a closed port");
        } catch (IOException e) {
            return e;
        }
    }

    private IOException tlsError(int port) throws Exception {
        SSLSocketFactory tls =
                LOOPBACK_V4_ONLY.sslSocketFactory(SSLContext.getDefault().getSocketFactory());
        try (Socket s = tls.createSocket("127.0.0.1", port)) {
            reachedAndClose();
            s.getOutputStream().write(1);
            s.getInputStream().read();
            throw new IllegalStateException("handshake succeeded against a plain listener");
        } catch (IOException e) {
            return e;
        }
    }

    private void reachedAndClose() throws IOException {
        assertThat(reached()).isTrue();
    }

    @Test
    @DisplayName("refuses to send through the JVM's proxy under a restrictive policy, not under allowAll")
    void proxyRefused() {
        String before = System.getProperty("https.proxyHost");
        System.setProperty("https.proxyHost", "proxy.invalid");
        System.setProperty("https.proxyPort", "3128");
        try {
            URI target = URI.create("https://api.example.com/v1/send");
            assertThatThrownBy(() -> PUBLIC_ONLY.checkDirect(target))
                    .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_CONFIGURED);
                        assertThat(e.getMessage()).contains("proxy").doesNotContain("proxy.invalid");
                    });
            NetworkGuard.of(NetworkPolicy.allowAll()).checkDirect(target);
        } finally {
            if (before == null) {
                System.clearProperty("https.proxyHost");
            } else {
                System.setProperty("https.proxyHost", before);
            }
            System.clearProperty("https.proxyPort");
        }
        PUBLIC_ONLY.checkDirect(URI.create("https://api.example.com/v1/send"));
    }

    @Test
    @DisplayName("checks every resolved address, and resolve names no address either")
    void everyAddress() throws Exception {
        NetworkPolicy policy = NetworkPolicy.publicAddressesOnly();
        assertThatThrownBy(() -> policy.check(
                        "mixed.example",
                        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"))))
                .isInstanceOf(EmailConnectorException.class)
                .hasMessageContaining("mixed.example")
                .hasMessageNotContaining("10.0.0.1");
    }
}
