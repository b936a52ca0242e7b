/**
 * Micrometer metrics for email connectors: a {@link dev.emailconnectors.SendListener} that counts and times every
 * send, and gauges of pooled connections.
 */
module dev.emailconnectors.micrometer {
    requires transitive dev.emailconnectors.api;
    requires transitive micrometer.core;

    exports dev.emailconnectors.micrometer;
}
