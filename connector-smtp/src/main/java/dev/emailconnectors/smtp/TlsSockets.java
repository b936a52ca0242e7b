package dev.emailconnectors.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Makes TLS sockets as the {@code tls} options say: trusted authorities ({@code ca}, else the JDK's), host name
 * verification unless {@code rejectUnauthorized} is false, the expected server name, and the protocol versions. Used
 * for implicit TLS and, through Angus's {@code mail.smtp.ssl.socketFactory}, for STARTTLS.
 */
final class TlsSockets extends SSLSocketFactory {
    /** The endpoint identification Angus applies to STARTTLS; used for implicit TLS too, so both behave alike. */
    static final String IDENTIFICATION = "LDAPS";

    private final SSLSocketFactory delegate;
    private final TlsOptions options;

    private TlsSockets(SSLSocketFactory delegate, TlsOptions options) {
        this.delegate = delegate;
        this.options = options;
    }

    static TlsSockets create(TlsOptions options) {
        try {
            TrustManager[] trust = null;
            if (!options.rejectUnauthorized()) {
                trust = new TrustManager[] {new TrustEverything()};
            } else if (!options.ca().isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (String pem : options.ca()) {
                    for (X509Certificate cert : certificates(pem)) {
                        store.setCertificateEntry("ca-" + i++, cert);
                    }
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return new TlsSockets(context.getSocketFactory(), options);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Parses PEM text holding one or more certificates.
     *
     * @param pem the text
     * @return the certificates
     * @throws IllegalArgumentException when there is no certificate or one is malformed
     */
    static List<X509Certificate> certificates(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certs =
                    factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("holds no PEM certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("is not a PEM certificate (-----BEGIN CERTIFICATE----- …)");
        }
    }

    /**
     * Starts implicit TLS over a connected socket and completes the handshake.
     *
     * @param plain the connected socket
     * @param host the configured host
     * @param port the port
     * @return the TLS socket
     * @throws IOException when the handshake or the certificate check fails
     */
    SSLSocket handshake(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) createSocket(plain, host, port, true);
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm(options.rejectUnauthorized() ? IDENTIFICATION : null);
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }

    /** @return the enabled protocol versions, space-separated, for Angus's {@code ssl.protocols} */
    String protocols() {
        return String.join(" ", options.protocols());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        SSLSocket s =
                (SSLSocket) delegate.createSocket(socket, options.servername().orElse(host), port, autoClose);
        s.setEnabledProtocols(options.protocols().toArray(String[]::new));
        return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }

    @Override
    public String toString() {
        return "TlsSockets" + options.protocols() + (options.rejectUnauthorized() ? "" : "[unverified]");
    }
}
