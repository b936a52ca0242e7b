package dev.emailconnectors;

import dev.emailconnectors.spi.EmailConnectorProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the connectors on the class path or module path with {@link ServiceLoader}. A provider that fails to load
 * is logged and skipped (see {@link ConnectorCatalog#problems()}); two providers claiming one id is an error that
 * names both classes.
 */
public final class EmailConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(EmailConnectors.class);
    private static final int MAX_PROVIDERS = 1000;

    private EmailConnectors() {}

    /**
     * Discovers connectors with the class loader of this library.
     *
     * @return an immutable catalog
     * @throws IllegalStateException when two providers claim the same id or alias
     */
    public static ConnectorCatalog discover() {
        return discover(EmailConnectors.class.getClassLoader());
    }

    /**
     * Discovers connectors with a given class loader (for plugin directories and application servers).
     *
     * @param classLoader where to look
     * @return an immutable catalog
     * @throws IllegalStateException when two providers claim the same id or alias
     */
    public static ConnectorCatalog discover(ClassLoader classLoader) {
        ServiceLoader<EmailConnectorProvider> loader = ServiceLoader.load(EmailConnectorProvider.class, classLoader);
        List<EmailConnectorProvider> providers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<EmailConnectorProvider> it = loader.iterator();
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            EmailConnectorProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
                provider.metadata();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                String problem = "An email connector provider failed to load and was skipped: " + e;
                LOG.warn(problem, e);
                problems.add(problem);
                continue;
            }
            providers.add(provider);
        }
        ConnectorCatalog catalog = ConnectorCatalog.of(providers, problems);
        LOG.debug("Discovered email connectors: {}", catalog);
        return catalog;
    }
}
