package dev.emailconnectors.smtp;

import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds socket writes, which {@code SO_TIMEOUT} does not: a connection whose write has been blocked for longer than
 * the socket timeout (a server that stopped reading) is closed, which fails the write. A write only records when it
 * started, so sending costs nothing extra; one periodic check on the connector's timer thread, running while any
 * connection is open, does the rest. Angus's own {@code mail.smtp.writetimeout} schedules a timer task for every
 * write instead, waking a thread each time.
 */
final class WriteWatchdog {
    private static final long MIN_PERIOD = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_PERIOD = TimeUnit.SECONDS.toNanos(5);

    private final long timeoutNanos;
    private final long periodNanos;
    private final ScheduledExecutorService timers;
    private final ProtocolLog log;
    private final Set<WatchedSocket> sockets = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> check;

    WriteWatchdog(Duration timeout, ScheduledExecutorService timers, ProtocolLog log) {
        this.timeoutNanos = timeout.toNanos();
        this.periodNanos = Math.max(MIN_PERIOD, Math.min(MAX_PERIOD, timeoutNanos / 4));
        this.timers = timers;
        this.log = log;
    }

    /**
     * Watches the writes of a connected socket until it is closed.
     *
     * @param socket the socket
     * @return the socket to use instead
     */
    Socket watch(Socket socket) {
        WatchedSocket watched = new WatchedSocket(socket, this);
        synchronized (this) {
            sockets.add(watched);
            if (check == null) {
                try {
                    check = timers.scheduleWithFixedDelay(this::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // the connector is closing; its connections go with it
                }
            }
        }
        return watched;
    }

    synchronized void closed(WatchedSocket socket) {
        sockets.remove(socket);
        if (sockets.isEmpty() && check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (WatchedSocket s : sockets) {
            if (s.blockedFor(now) > timeoutNanos) {
                log.event("a write was blocked for more than {} ms; closing the connection", timeoutNanos / 1_000_000);
                s.abort();
            }
        }
    }
}
