/**
 * A Keycloak email sender provider backed by the email-connectors catalog.
 *
 * <p>Keycloak renders every message (subject, text and HTML) from the realm's email theme and hands it to the
 * selected {@code EmailSenderProvider}; {@link dev.emailconnectors.keycloak.EmailConnectorsSenderFactory} (id
 * {@code email-connectors}) sends it as given through the connector each realm's email settings choose: {@code smtp}
 * from the Email tab's fields, or any connector of the catalog ({@code ses}, {@code failover}, {@code http}, …) named
 * in the settings' {@code emailConnector} key with its JSON in {@code emailConnectorConfig}.
 */
package dev.emailconnectors.keycloak;
