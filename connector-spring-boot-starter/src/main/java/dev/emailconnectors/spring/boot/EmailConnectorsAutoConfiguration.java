package dev.emailconnectors.spring.boot;

import dev.emailconnectors.ActiveEmailConnector;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.SendListener;
import dev.emailconnectors.ValidationResult;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Creates the {@link ConnectorCatalog} (every connector on the class path), the {@link ConnectorContext} (from the
 * properties, every {@link SendListener} bean and every {@link ConnectorContextCustomizer} bean) and, when
 * {@code email-connectors.connector} is set, the {@link ActiveEmailConnector}. An invalid configuration stops the
 * application at startup with every problem listed by property.
 */
@AutoConfiguration
@EnableConfigurationProperties(EmailConnectorsProperties.class)
public class EmailConnectorsAutoConfiguration {
    static final String CONFIG = "email-connectors.config";
    static final String CONFIG_FILE = "email-connectors.config-file";
    static final String DELIVERY = "email-connectors.builtin.delivery";
    static final String DELIVERY_FILE = "email-connectors.builtin.delivery-file";
    private static final Logger LOG = LoggerFactory.getLogger(EmailConnectorsAutoConfiguration.class);

    /** Creates the auto-configuration; Spring calls this. */
    public EmailConnectorsAutoConfiguration() {}

    /**
     * Discovers the connectors with the application's class loader.
     *
     * @param resourceLoader gives the application's class loader
     * @return the catalog
     */
    @Bean
    @ConditionalOnMissingBean
    public ConnectorCatalog emailConnectorCatalog(ResourceLoader resourceLoader) {
        ClassLoader loader = resourceLoader.getClassLoader();
        ConnectorCatalog catalog = loader == null ? EmailConnectors.discover() : EmailConnectors.discover(loader);
        LOG.info("Email connectors available: {}", catalog);
        return catalog;
    }

    /**
     * Builds the context every connector is created with.
     *
     * @param properties the properties
     * @param catalog the catalog, for the built-in delivery settings
     * @param listeners every send listener bean (metrics, health, your own)
     * @param customizers every customizer bean
     * @return the context
     */
    @Bean
    @ConditionalOnMissingBean
    public ConnectorContext emailConnectorContext(
            EmailConnectorsProperties properties,
            ConnectorCatalog catalog,
            ObjectProvider<SendListener> listeners,
            ObjectProvider<ConnectorContextCustomizer> customizers) {
        ConnectorContext.Builder builder = ConnectorContext.builder()
                .tenantId(properties.getTenantId())
                .networkPolicy(
                        properties.getNetworkPolicy()
                                        == EmailConnectorsProperties.NetworkPolicyMode.PUBLIC_ADDRESSES_ONLY
                                ? NetworkPolicy.publicAddressesOnly()
                                : NetworkPolicy.allowAll());
        List<SendListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.listener(all.size() == 1 ? all.get(0) : SendListener.composite(all));
        }
        EmailConnectorsProperties.Builtin builtin = properties.getBuiltin();
        ConnectorSettings.read(
                        DELIVERY, builtin.getDelivery(), DELIVERY_FILE, builtin.getDeliveryFile(), "builtin", catalog)
                .ifPresent(delivery -> builder.operatorSettings("builtin", delivery.json()));
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * Creates the active connector from {@code email-connectors.connector} and its configuration, after validating
     * it completely.
     *
     * @param properties the properties
     * @param catalog the catalog
     * @param context the context
     * @return the active connector, closed with the application context
     * @throws InvalidEmailConnectorConfigException listing every problem, when the connector is unknown, the
     *     configuration is invalid or the connector cannot be created
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "email-connectors", name = "connector")
    public ActiveEmailConnector activeEmailConnector(
            EmailConnectorsProperties properties, ConnectorCatalog catalog, ConnectorContext context) {
        String id = properties.getConnector().trim();
        if (catalog.find(id).isEmpty()) {
            throw new InvalidEmailConnectorConfigException(
                    "Unknown email connector '" + id + "' in email-connectors.connector",
                    List.of("available: "
                            + catalog.providers().stream()
                                    .map(d -> d.id() + aliases(d.metadata().aliases()))
                                    .toList()
                            + "; add the connector's artifact (for example connector-" + id + ") to the class path"),
                    null);
        }
        ConnectorSettings settings = ConnectorSettings.read(
                        CONFIG, properties.getConfig(), CONFIG_FILE, properties.getConfigFile(), id, catalog)
                .orElseGet(() -> ConnectorSettings.empty(CONFIG));
        ValidationResult result = catalog.validate(id, settings.json());
        if (!result.isValid()) {
            throw new InvalidEmailConnectorConfigException(
                    "Invalid configuration for email connector '" + id + "' in " + settings.origin(),
                    result.violations().stream()
                            .map(v -> settings.locate(v.path()) + ": " + v.message())
                            .toList(),
                    null);
        }
        ActiveEmailConnector active = new ActiveEmailConnector(catalog, context);
        try {
            active.switchTo(id, settings.json());
        } catch (EmailConnectorException e) {
            throw new InvalidEmailConnectorConfigException(
                    "Email connector '" + id + "' cannot be created", List.of(e.getMessage()), e);
        }
        LOG.info("Email connector '{}' is active", id);
        return active;
    }

    private static String aliases(List<String> aliases) {
        return aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")";
    }
}
