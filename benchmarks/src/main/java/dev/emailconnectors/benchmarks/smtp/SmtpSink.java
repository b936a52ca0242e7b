package dev.emailconnectors.benchmarks.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A fast SMTP sink on loopback: accepts every command and message and discards the content, so the client is what is
 * measured. Speaks just enough ESMTP for Angus Mail (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, and STARTTLS when it
 * is given a TLS context); no AUTH. One pooled thread per connection, like a typical server.
 */
public final class SmtpSink implements AutoCloseable {
    private static final byte[] GREETING = ascii("220 sink.test ESMTP\r\n");
    private static final byte[] EHLO = ascii("250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
    private static final byte[] EHLO_STARTTLS =
            ascii("250-sink.test\r\n250-8BITMIME\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n");
    private static final byte[] READY = ascii("220 2.0.0 Ready to start TLS\r\n");
    private static final byte[] OK = ascii("250 2.0.0 OK\r\n");
    private static final byte[] GO_AHEAD = ascii("354 End data with <CR><LF>.<CR><LF>\r\n");
    private static final byte[] QUEUED = ascii("250 2.0.0 OK queued\r\n");
    private static final byte[] BYE = ascii("221 2.0.0 Bye\r\n");
    private static final byte[] UNKNOWN = ascii("502 5.5.2 Command not recognized\r\n");

    private final ServerSocket listener;
    private final SSLContext tls;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong messages = new AtomicLong();

    /**
     * Starts listening on a free loopback port, without TLS.
     *
     * @throws IOException when no port can be bound
     */
    public SmtpSink() throws IOException {
        this(null);
    }

    /**
     * Starts listening on a free loopback port.
     *
     * @param tls the server's TLS context, to offer STARTTLS; null for none
     * @throws IOException when no port can be bound
     */
    public SmtpSink(SSLContext tls) throws IOException {
        this.tls = tls;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        connections.execute(this::accept);
    }

    /** @return the port */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return how many messages were accepted */
    public long messages() {
        return messages.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        try {
            Lines in = new Lines(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
            reply(out, GREETING);
            boolean secured = false;
            String verb;
            while ((verb = in.nextVerb()) != null) {
                switch (verb) {
                    case "EHLO":
                        reply(out, tls != null && !secured ? EHLO_STARTTLS : EHLO);
                        break;
                    case "STAR":
                        reply(out, READY);
                        SSLSocket upgraded = (SSLSocket) tls.getSocketFactory()
                                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                        upgraded.setUseClientMode(false);
                        upgraded.startHandshake();
                        socket = upgraded;
                        in = new Lines(socket.getInputStream());
                        out = new BufferedOutputStream(socket.getOutputStream(), 1024);
                        secured = true;
                        break;
                    case "HELO":
                    case "MAIL":
                    case "RCPT":
                    case "RSET":
                    case "NOOP":
                        reply(out, OK);
                        break;
                    case "DATA":
                        reply(out, GO_AHEAD);
                        if (!in.skipData()) {
                            return;
                        }
                        messages.incrementAndGet();
                        reply(out, QUEUED);
                        break;
                    case "QUIT":
                        reply(out, BYE);
                        return;
                    default:
                        reply(out, UNKNOWN);
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(plain);
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /** Reads lines from its own buffer: no per-byte calls, so the sink stays cheap next to the clients measured. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int scan;
        private int limit;
        private int length;

        Lines(InputStream in) {
            this.in = in;
        }

        /** @return the next line's first four characters in upper case ("" when shorter), or null at the end */
        String nextVerb() throws IOException {
            int start = nextLine();
            if (start < 0) {
                return null;
            }
            return length >= 4 ? new String(buf, start, 4, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT) : "";
        }

        /** Skips message data through the line holding a single dot; false when the stream ends first. */
        boolean skipData() throws IOException {
            int start;
            while ((start = nextLine()) >= 0) {
                if (length == 1 && buf[start] == '.') {
                    return true;
                }
            }
            return false;
        }

        /** Consumes one line: returns where it starts in the buffer (its length, without CRLF, in length), or -1. */
        private int nextLine() throws IOException {
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int start = pos;
                        length = i > start && buf[i - 1] == '\r' ? i - 1 - start : i - start;
                        pos = i + 1;
                        scan = pos;
                        return start;
                    }
                }
                scan = limit;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    scan -= pos;
                    pos = 0;
                }
                if (limit == buf.length) {
                    limit = 0; // an over-long data line: its content does not matter
                    scan = 0;
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }
    }

    private static void reply(OutputStream out, byte[] reply) throws IOException {
        out.write(reply);
        out.flush();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        connections.shutdownNow();
    }
}
