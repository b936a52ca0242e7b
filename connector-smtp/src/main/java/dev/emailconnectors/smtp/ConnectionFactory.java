package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.smtp.SmtpSettings.TlsMode;
import dev.emailconnectors.spi.NetworkPolicy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

/**
 * Opens connections: resolves the host and checks every address against the network policy, connects to an address
 * that passed (so DNS cannot change the answer in between), applies the timeouts, starts implicit TLS, then lets Angus
 * do the greeting, EHLO, STARTTLS and AUTH on that socket.
 */
final class ConnectionFactory {
    private final SmtpSettings settings;
    private final NetworkPolicy policy;
    private final Credentials credentials;
    private final TlsSockets tls;
    private final ProtocolLog log;
    private final WriteWatchdog watchdog;
    private final Session ascii;
    private final Session utf8;
    private final AtomicLong ids = new AtomicLong();

    ConnectionFactory(
            SmtpSettings settings,
            NetworkPolicy policy,
            Credentials credentials,
            ProtocolLog log,
            ScheduledExecutorService timers) {
        this.settings = settings;
        this.policy = policy;
        this.credentials = credentials;
        this.tls = TlsSockets.create(settings.tls());
        this.log = log;
        this.watchdog = new WriteWatchdog(settings.timeouts().socket(), timers, log);
        this.ascii = Session.getInstance(properties(false));
        this.utf8 = Session.getInstance(properties(true));
    }

    /** @param utf8 whether messages need SMTPUTF8 @return the session messages are built with */
    Session session(boolean utf8) {
        return utf8 ? this.utf8 : ascii;
    }

    /**
     * Opens an authenticated connection.
     *
     * @param utf8 whether it will carry SMTPUTF8 messages
     * @return the connection
     * @throws EmailConnectorException with the precise failure
     */
    SmtpConnection open(boolean utf8) {
        String secret = credentials.secret();
        List<InetAddress> addresses = policy.resolve(settings.host());
        Socket base = watchdog.watch(connect(addresses));
        long id = ids.incrementAndGet();
        TrackingTransport transport = null;
        try {
            base.setSoTimeout((int) settings.timeouts().greeting().toMillis());
            Socket wire = base;
            if (settings.tlsMode() == TlsMode.IMPLICIT) {
                wire = tls.handshake(base, settings.host(), settings.port());
            }
            URLName url = new URLName("smtp", settings.host(), settings.port(), null, credentials.user(), secret);
            transport = new TrackingTransport(session(utf8), url, log, id);
            transport.connect(wire);
            base.setSoTimeout((int) settings.timeouts().socket().toMillis());
            if (credentials.present() && !transport.supportsExtension("AUTH")) {
                transport.close();
                throw new EmailConnectorException(
                        ErrorCode.AUTHENTICATION_FAILED,
                        "The SMTP server at " + settings.endpoint() + " does not offer AUTH, so the configured"
                                + " credentials cannot be used; remove auth for a relay that authorizes by address");
            }
            log.event(
                    "connection #{} ready ({}{})",
                    id,
                    tlsName(wire, transport),
                    credentials.present() ? ", authenticated" : "");
            return new SmtpConnection(id, transport, base, utf8);
        } catch (MessagingException | IOException | RuntimeException e) {
            close(base);
            if (e instanceof AuthenticationFailedException) {
                credentials.refused(secret);
            }
            if (e instanceof EmailConnectorException) {
                throw (EmailConnectorException) e;
            }
            EmailConnectorException mapped = ConnectErrors.session(e, transport, settings);
            log.event("connection #{} failed: {}", id, mapped.code().wireCode());
            throw mapped;
        }
    }

    private Socket connect(List<InetAddress> addresses) {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                if (settings.localAddress().isPresent()) {
                    socket.bind(new InetSocketAddress(
                            InetAddress.getByName(settings.localAddress().get()), 0));
                }
                // keeps the configured name, so Angus's STARTTLS checks the certificate against it without reverse DNS
                InetAddress named = InetAddress.getByAddress(settings.host(), address.getAddress());
                socket.connect(new InetSocketAddress(named, settings.port()), (int)
                        settings.timeouts().connect().toMillis());
                return socket;
            } catch (IOException e) {
                close(socket);
                last = e;
            }
        }
        throw ConnectErrors.tcp(last, settings);
    }

    private Properties properties(boolean utf8) {
        Properties p = new Properties();
        TlsMode mode = settings.tlsMode();
        p.setProperty("mail.smtp.localhost", settings.ehloName().orElseGet(EhloName::get));
        p.setProperty("mail.smtp.auth", String.valueOf(credentials.present()));
        p.setProperty("mail.smtp.auth.mechanisms", credentials.mechanisms());
        p.setProperty(
                "mail.smtp.starttls.enable",
                String.valueOf(mode == TlsMode.STARTTLS_REQUIRED || mode == TlsMode.STARTTLS_WHEN_OFFERED));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(mode == TlsMode.STARTTLS_REQUIRED));
        p.put("mail.smtp.ssl.socketFactory", tls);
        p.setProperty(
                "mail.smtp.ssl.checkserveridentity",
                String.valueOf(settings.tls().rejectUnauthorized()));
        p.setProperty("mail.smtp.ssl.protocols", tls.protocols());
        p.setProperty("mail.smtp.quitwait", "false");
        p.setProperty("mail.smtp.sendpartial", "false");
        p.setProperty("mail.mime.allowutf8", String.valueOf(utf8));
        return p;
    }

    private static String tlsName(Socket wire, TrackingTransport transport) {
        if (wire instanceof SSLSocket) {
            return "TLS " + ((SSLSocket) wire).getSession().getProtocol();
        }
        return transport.tlsStarted() ? "STARTTLS" : "no TLS";
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to release
        }
    }
}
