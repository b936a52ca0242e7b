/**
 * Micrometer metrics for email connectors.
 *
 * <p>{@link dev.emailconnectors.micrometer.EmailConnectorMetrics} is a {@link dev.emailconnectors.SendListener}: pass
 * it to {@link dev.emailconnectors.spi.ConnectorContext.Builder#listener(dev.emailconnectors.SendListener)} and every
 * connector created with that context counts and times its sends in your {@code MeterRegistry}.
 * {@link dev.emailconnectors.micrometer.ConnectionPoolMetrics} adds gauges of pooled connections for connectors that
 * keep a pool (SMTP).
 */
package dev.emailconnectors.micrometer;
