package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The limits of the connection pool.
 *
 * @param maxConnections most connections open at once
 * @param maxMessagesPerConnection messages sent on a connection before it is replaced
 * @param idleTimeout how long an unused connection stays open
 * @param checkAfterIdle how long a connection may sit unused before it is checked (NOOP) before its next message
 * @param maxWait how long a send waits for a connection when all are busy
 */
record PoolSettings(
        int maxConnections,
        int maxMessagesPerConnection,
        Duration idleTimeout,
        Duration checkAfterIdle,
        Duration maxWait) {
    static final int DEFAULT_MAX_CONNECTIONS = 4;
    static final int DEFAULT_MAX_MESSAGES = 100;
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CHECK_AFTER_IDLE = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    static PoolSettings from(JsonNode pool) {
        return new PoolSettings(
                pool.path("maxConnections").asInt(DEFAULT_MAX_CONNECTIONS),
                pool.path("maxMessagesPerConnection").asInt(DEFAULT_MAX_MESSAGES),
                SmtpSettings.millis(pool, "idleTimeout", DEFAULT_IDLE_TIMEOUT),
                CHECK_AFTER_IDLE,
                MAX_WAIT);
    }
}
