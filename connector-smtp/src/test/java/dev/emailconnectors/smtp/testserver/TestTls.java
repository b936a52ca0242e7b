package dev.emailconnectors.smtp.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The test certificates in {@code src/test/resources/tls}: a CA ({@link #caPem()}) and a server certificate it issued
 * for {@code DNS:localhost} only ({@link #serverContext()}).
 */
public final class TestTls {
    private TestTls() {}

    /** @return the test CA certificate, PEM */
    public static String caPem() {
        try (InputStream in = resource("tls/ca.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a server-side TLS context presenting the certificate for {@code localhost} */
    public static SSLContext serverContext() {
        try (InputStream in = resource("tls/localhost.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TestTls.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing test resource " + name);
        }
        return in;
    }
}
