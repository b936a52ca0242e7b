/**
 * Reliability connectors that compose over any other connector, configured as JSON and discovered through the same
 * SPI: {@link dev.emailconnectors.reliability.FailoverProvider failover} (an ordered list of connectors with a circuit
 * breaker each) and {@link dev.emailconnectors.reliability.ResilientProvider resilient} (retries, de-duplication, rate
 * limits and a recipient sandbox around one connector). Their state is kept in a
 * {@link dev.emailconnectors.reliability.ReliabilityStore}, in memory unless the host registers a shared one.
 */
package dev.emailconnectors.reliability;
