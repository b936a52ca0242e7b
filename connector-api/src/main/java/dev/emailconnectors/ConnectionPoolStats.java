package dev.emailconnectors;

/**
 * A snapshot of a connector's connection pool, for gauges and health checks.
 *
 * @param maxConnections the most connections the pool may open
 * @param openConnections the connections open now
 * @param busyConnections the open connections currently sending
 */
public record ConnectionPoolStats(int maxConnections, int openConnections, int busyConnections) {

    /**
     * Checks that the counts are consistent.
     *
     * @throws IllegalArgumentException when a count is negative or busy exceeds open
     */
    public ConnectionPoolStats {
        if (maxConnections < 0 || openConnections < 0 || busyConnections < 0 || busyConnections > openConnections) {
            throw new IllegalArgumentException("Inconsistent pool counts: max " + maxConnections + ", open "
                    + openConnections + ", busy " + busyConnections);
        }
    }

    /** @return the open connections not sending right now */
    public int idleConnections() {
        return openConnections - busyConnections;
    }
}
