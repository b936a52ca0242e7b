/**
 * The service provider interface a connector implements: an
 * {@link dev.emailconnectors.spi.EmailConnectorProvider} discovered with {@link java.util.ServiceLoader} that
 * describes the configuration and creates an {@link dev.emailconnectors.spi.EmailSender}, which moves prepared
 * {@link dev.emailconnectors.spi.OutboundMessage}s to the provider. Hosts use {@link
 * dev.emailconnectors.spi.ConnectorContext} to pass templates, a clock, a network policy and listeners in.
 */
package dev.emailconnectors.spi;
