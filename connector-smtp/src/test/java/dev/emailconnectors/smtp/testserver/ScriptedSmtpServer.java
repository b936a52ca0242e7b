package dev.emailconnectors.smtp.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * A scripted ESMTP server on loopback for tests: it answers like a well-behaved server unless the script says
 * otherwise for a command, and records every connection ({@link #sessions()}) and accepted message
 * ({@link #messages()}). Use it for what GreenMail cannot do: arbitrary reply codes on any command, a refusing or
 * slow greeting, silence, a connection dropped in the middle of DATA, STARTTLS with a chosen certificate.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
 *         .on("RCPT", Responder.always(Action.reply(550, "5.1.1 No such user")))
 *         .start()) {
 *     // point the client at 127.0.0.1:server.port(), then inspect server.sessions() and server.messages()
 * }
 * }</pre>
 *
 * <p>Verbs for {@link Builder#on(String, Responder)}: {@code GREETING} (before the first command), {@code EHLO},
 * {@code HELO}, {@code STARTTLS}, {@code AUTH}, {@code MAIL}, {@code RCPT}, {@code DATA} (instead of 354), {@code .}
 * (after the message data, instead of 250), {@code RSET}, {@code NOOP}, {@code QUIT}, or any other verb.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    final Builder config;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Transcript> sessions = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile boolean closed;

    private ScriptedSmtpServer(Builder config) throws IOException {
        this.config = config;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a builder for a server with the usual answers */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the loopback port it listens on */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return every connection so far, in order of arrival */
    public List<Transcript> sessions() {
        return List.copyOf(sessions);
    }

    /** @return every message accepted (answered with a 2xx reply after its data) so far */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /** @return every line received outside message data, over all connections, in arrival order per connection */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        sessions.forEach(s -> out.addAll(s.lines()));
        return out;
    }

    /** @return the most connections that were open at the same time */
    public int maxConcurrentSessions() {
        return maxActive.get();
    }

    /**
     * Waits until a condition on the recordings holds, for commands the client sends without waiting for an answer
     * (such as QUIT).
     *
     * @param condition the condition
     * @param timeout how long to wait at most
     * @return whether it held in time
     */
    public boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    Command command(String verb, String line, int session) {
        int n = occurrences.computeIfAbsent(verb, v -> new AtomicInteger()).getAndIncrement();
        return new Command(verb, line, session, n);
    }

    Action actionFor(Command command) {
        Responder r = config.responders.get(command.verb());
        Action a = r == null ? null : r.respond(command);
        return a == null ? Action.normal() : a;
    }

    void accepted(ReceivedMessage message) {
        messages.add(message);
    }

    boolean isClosed() {
        return closed;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            Transcript transcript = new Transcript(sessions.size());
            sessions.add(transcript);
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            Thread t = new Thread(
                    () -> {
                        try {
                            new ScriptedSession(this, socket, transcript).run();
                        } finally {
                            active.decrementAndGet();
                            open.remove(socket);
                            transcript.end();
                        }
                    },
                    "scripted-smtp-session-" + transcript.index());
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops listening and drops every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ScriptedSmtpServer[127.0.0.1:" + port() + ", " + sessions.size() + " sessions]";
    }

    /** Configures a {@link ScriptedSmtpServer}. */
    public static final class Builder {
        final Map<String, Responder> responders = new HashMap<>();
        final List<String> extensions = new ArrayList<>(List.of("8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8"));
        String user;
        String pass;
        SSLContext startTls;
        SSLContext implicitTls;
        String[] tlsProtocols;

        private Builder() {}

        /**
         * Scripts the answers to a verb.
         *
         * @param verb the verb (see the class description), any case
         * @param responder what to answer
         * @return this builder
         */
        public Builder on(String verb, Responder responder) {
            responders.put(verb.toUpperCase(Locale.ROOT), Objects.requireNonNull(responder));
            return this;
        }

        /**
         * Sets the EHLO extensions (besides STARTTLS and AUTH, which follow from the other settings). Default:
         * 8BITMIME, ENHANCEDSTATUSCODES, SMTPUTF8.
         *
         * @param lines the extension lines, for example {@code "SIZE 1000000"}
         * @return this builder
         */
        public Builder extensions(String... lines) {
            extensions.clear();
            extensions.addAll(List.of(lines));
            return this;
        }

        /**
         * Offers AUTH PLAIN and LOGIN and accepts exactly these credentials (535 otherwise).
         *
         * @param user the user name
         * @param pass the password
         * @return this builder
         */
        public Builder credentials(String user, String pass) {
            this.user = user;
            this.pass = pass;
            return this;
        }

        /**
         * Offers STARTTLS with a server certificate.
         *
         * @param context the server TLS context, for example {@link TestTls#serverContext()}
         * @return this builder
         */
        public Builder startTls(SSLContext context) {
            this.startTls = context;
            return this;
        }

        /**
         * Speaks TLS from the first byte (like port 465).
         *
         * @param context the server TLS context
         * @return this builder
         */
        public Builder implicitTls(SSLContext context) {
            this.implicitTls = context;
            return this;
        }

        /**
         * Restricts the TLS versions the server accepts.
         *
         * @param protocols for example {@code "TLSv1.2"}
         * @return this builder
         */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = protocols.clone();
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server; close it when done
         */
        public ScriptedSmtpServer start() {
            try {
                return new ScriptedSmtpServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
