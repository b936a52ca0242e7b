package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of SMTP connections. At most {@code maxConnections} are open (idle or lent); a send borrows one
 * exclusively, the most recently used first, and returns it. A connection is closed after
 * {@code maxMessagesPerConnection} transactions, after {@code idleTimeout} unused (a timer task closes it, so idle
 * sockets do not linger), or when a failure left it unusable; one unused for a second or more is checked with NOOP
 * before it is lent again.
 */
final class ConnectionPool implements AutoCloseable {
    private final ConnectionFactory factory;
    private final PoolSettings settings;
    private final ProtocolLog log;
    private final ScheduledExecutorService timers;
    private final Semaphore permits;
    private final Object lock = new Object();
    private final ArrayDeque<SmtpConnection> idle = new ArrayDeque<>(); // first = most recently returned
    private int lent; // lent connections plus connections being opened
    private boolean closed;
    private ScheduledFuture<?> sweep;

    /**
     * A connection on loan.
     *
     * @param connection the connection
     * @param reused whether it was open before this loan (so it may have died in between)
     */
    record Lease(SmtpConnection connection, boolean reused) {}

    ConnectionPool(ConnectionFactory factory, PoolSettings settings, ProtocolLog log, ScheduledExecutorService timers) {
        this.factory = factory;
        this.settings = settings;
        this.log = log;
        this.timers = timers;
        this.permits = new Semaphore(settings.maxConnections());
    }

    /**
     * Lends a connection, opening one when no idle one fits.
     *
     * @param utf8 whether the message needs an SMTPUTF8 session
     * @return the lease; give it back with {@link #release(SmtpConnection, boolean)}
     * @throws EmailConnectorException when closed, when no connection frees up in time, or when opening fails
     */
    Lease borrow(boolean utf8) {
        acquire();
        try {
            SmtpConnection c;
            while ((c = takeIdle(utf8)) != null) {
                if (c.idleNanos() < settings.checkAfterIdle().toNanos() || c.check()) {
                    return new Lease(c, true);
                }
                log.event("connection #{} failed its check after being idle; replacing it", c.id());
                discard(c);
            }
            SmtpConnection fresh = factory.open(utf8);
            synchronized (lock) {
                if (closed) {
                    fresh.close();
                    throw closedError();
                }
            }
            return new Lease(fresh, false);
        } catch (RuntimeException e) {
            synchronized (lock) {
                lent--;
            }
            permits.release();
            throw e;
        }
    }

    /**
     * Returns a lent connection.
     *
     * @param connection the connection
     * @param reusable false when a failure left it in an unknown state
     */
    void release(SmtpConnection connection, boolean reusable) {
        connection.touch();
        boolean keep;
        synchronized (lock) {
            lent--;
            keep = reusable
                    && !closed
                    && connection.isOpen()
                    && connection.transactions() < settings.maxMessagesPerConnection();
            if (keep) {
                idle.addFirst(connection);
                scheduleSweep(settings.idleTimeout().toNanos());
            }
        }
        permits.release();
        if (!keep) {
            log.event("closing connection #{} after {} message(s)", connection.id(), connection.transactions());
            connection.close();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EmailConnectorException(
                        ErrorCode.TIMEOUT,
                        "All " + settings.maxConnections() + " SMTP connections stayed busy for "
                                + settings.maxWait().toSeconds()
                                + " s; raise pool.maxConnections or send less at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmailConnectorException(ErrorCode.GENERAL, "Interrupted while waiting for an SMTP connection", e);
        }
    }

    /** Takes the most recent idle connection of the right kind, or reserves room for a new one and returns null. */
    private SmtpConnection takeIdle(boolean utf8) {
        List<SmtpConnection> retire = new ArrayList<>();
        SmtpConnection found = null;
        synchronized (lock) {
            lent++; // balanced by borrow's failure path or by release
            if (closed) {
                throw closedError();
            }
            for (Iterator<SmtpConnection> it = idle.iterator(); it.hasNext(); ) {
                SmtpConnection c = it.next();
                if (c.idleNanos() >= settings.idleTimeout().toNanos() || !c.isOpen()) {
                    it.remove();
                    retire.add(c);
                } else if (found == null && c.utf8() == utf8) {
                    it.remove();
                    found = c;
                }
            }
            while (found == null && !idle.isEmpty() && idle.size() + lent > settings.maxConnections()) {
                retire.add(idle.removeLast()); // room for a connection of the other kind
            }
        }
        retire.forEach(SmtpConnection::close);
        return found;
    }

    private void discard(SmtpConnection c) {
        c.close();
        synchronized (lock) {
            lent--;
        }
    }

    private void sweep() {
        List<SmtpConnection> expired = new ArrayList<>();
        synchronized (lock) {
            sweep = null;
            long timeout = settings.idleTimeout().toNanos();
            for (Iterator<SmtpConnection> it = idle.iterator(); it.hasNext(); ) {
                SmtpConnection c = it.next();
                if (c.idleNanos() >= timeout || !c.isOpen()) {
                    it.remove();
                    expired.add(c);
                }
            }
            if (!idle.isEmpty()) {
                scheduleSweep(Math.max(1, timeout - idle.getLast().idleNanos()));
            }
        }
        for (SmtpConnection c : expired) {
            log.event(
                    "closing connection #{}: idle for {} ms",
                    c.id(),
                    settings.idleTimeout().toMillis());
            c.close();
        }
    }

    /** Called under the lock. */
    private void scheduleSweep(long delayNanos) {
        if (sweep == null && !closed) {
            try {
                sweep = timers.schedule(this::sweep, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: close() takes care of idle connections
            }
        }
    }

    private static EmailConnectorException closedError() {
        return new EmailConnectorException(ErrorCode.GENERAL, "The SMTP connector is closed");
    }

    /** Closes idle connections now and lent ones when they come back; later borrows fail. */
    @Override
    public void close() {
        List<SmtpConnection> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
            if (sweep != null) {
                sweep.cancel(false);
            }
        }
        all.forEach(SmtpConnection::close);
    }
}
