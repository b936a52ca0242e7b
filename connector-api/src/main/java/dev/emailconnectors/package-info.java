/**
 * The caller API: discover connectors ({@link dev.emailconnectors.EmailConnectors}), validate and redact their
 * configurations ({@link dev.emailconnectors.ConnectorCatalog}), create them, and send one-time-code and verification
 * messages ({@link dev.emailconnectors.EmailConnector}, {@link dev.emailconnectors.ActiveEmailConnector}). Every
 * failure is an {@link dev.emailconnectors.EmailConnectorException} with an {@link dev.emailconnectors.ErrorCode}.
 */
package dev.emailconnectors;
