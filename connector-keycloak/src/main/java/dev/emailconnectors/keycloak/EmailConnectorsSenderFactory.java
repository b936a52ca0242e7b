package dev.emailconnectors.keycloak;

import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectors;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.email.EmailSenderProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Keycloak's email sender backed by the email-connectors catalog, id {@value #ID}. Select it with
 * {@code --spi-email-sender--provider=email-connectors}; each realm then sends through the connector its email
 * settings name (see {@link RealmMailSettings}), and through {@code smtp} with the Email tab's fields when they name
 * none. The factory keeps one connector per realm and closes them all when Keycloak stops.
 *
 * <p>Options ({@code --spi-email-sender--email-connectors--NAME=VALUE}): {@code network-policy}
 * ({@code allow-all}, the default, or {@code public-addresses-only}) and {@code allowed-connectors} (a comma-separated
 * list of the connector ids realms may choose; all by default).
 */
public final class EmailConnectorsSenderFactory implements EmailSenderProviderFactory {
    /** The provider id. */
    public static final String ID = "email-connectors";

    private volatile RealmConnectors connectors;
    private ConnectorCatalog catalog;

    /** Creates the factory; Keycloak finds it with {@link java.util.ServiceLoader}. */
    public EmailConnectorsSenderFactory() {}

    @Override
    public EmailSenderProvider create(KeycloakSession session) {
        return new EmailConnectorsSender(session, connectors);
    }

    @Override
    public void init(Config.Scope config) {
        ServerSettings server = ServerSettings.of(
                config.get(ServerSettings.NETWORK_POLICY), config.get(ServerSettings.ALLOWED_CONNECTORS));
        catalog = EmailConnectors.discover(EmailConnectorsSenderFactory.class.getClassLoader());
        connectors = new RealmConnectors(catalog, server);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                connectors.forget(removed.getRealm().getId());
            }
        });
    }

    @Override
    public void close() {
        RealmConnectors current = connectors;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ServerSettings.NETWORK_POLICY)
                .type(ProviderConfigProperty.LIST_TYPE)
                .options("allow-all", "public-addresses-only")
                .defaultValue("allow-all")
                .helpText("Which addresses connectors may reach: public-addresses-only refuses loopback, private and"
                        + " cloud metadata addresses, for servers whose realm administrators are not operators")
                .add()
                .property()
                .name(ServerSettings.ALLOWED_CONNECTORS)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Comma-separated connector ids realms may choose (for example smtp,ses,failover); all when"
                        + " empty")
                .add()
                .build();
    }

    @Override
    public String toString() {
        return "EmailConnectorsSenderFactory" + (catalog == null ? "" : catalog.toString());
    }
}
