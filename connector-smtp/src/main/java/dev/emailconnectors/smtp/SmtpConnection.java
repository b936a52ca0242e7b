package dev.emailconnectors.smtp;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.Socket;

/**
 * One open, authenticated SMTP connection. Used by one thread at a time (the pool hands it out exclusively); its
 * counters are only read and written by the thread holding it or by the pool under its lock.
 */
final class SmtpConnection {
    private final long id;
    private final TrackingTransport transport;
    private final Socket socket;
    private final boolean utf8;
    private int transactions;
    private volatile long lastUsedNanos;

    SmtpConnection(long id, TrackingTransport transport, Socket socket, boolean utf8) {
        this.id = id;
        this.transport = transport;
        this.socket = socket;
        this.utf8 = utf8;
        this.lastUsedNanos = System.nanoTime();
    }

    long id() {
        return id;
    }

    TrackingTransport transport() {
        return transport;
    }

    /** @return whether messages on it may carry UTF-8 addresses and headers (SMTPUTF8 session) */
    boolean utf8() {
        return utf8;
    }

    /** @return how many transactions were started on it */
    int transactions() {
        return transactions;
    }

    /** Counts a transaction about to start. */
    void countTransaction() {
        transactions++;
    }

    /** Records that it was just used. */
    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /** @return nanoseconds since it was last used */
    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** @return false once either side closed the socket */
    boolean isOpen() {
        return !socket.isClosed();
    }

    /**
     * Asks the server whether the connection still works (NOOP); closes it when not.
     *
     * @return true when the server answered 250
     */
    boolean check() {
        return transport.isConnected();
    }

    /** Says QUIT (without waiting for the answer) and closes; a dead connection is just closed. */
    void close() {
        try {
            if (isOpen()) {
                transport.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // the connection is going away anyway
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public String toString() {
        return "SmtpConnection#" + id + (utf8 ? "[utf8]" : "") + "[" + transactions + " sent]";
    }
}
