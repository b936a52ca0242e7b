package dev.emailconnectors.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code email-connectors.*} properties. With {@code email-connectors.connector} set, the starter creates an
 * {@link dev.emailconnectors.ActiveEmailConnector} bean from that connector and its configuration; without it, only
 * the catalog and the context are created, for hosts that create connectors per tenant.
 *
 * <pre>{@code
 * email-connectors:
 *   connector: smtp
 *   config:
 *     host: smtp.example.com
 *     port: 587
 *     auth: { user: mailer, pass: ${SMTP_PASSWORD} }
 *     fromEmail: no-reply@example.com
 * }</pre>
 */
@ConfigurationProperties("email-connectors")
public class EmailConnectorsProperties {

    /**
     * Id or alias of the connector to activate, for example "smtp", "ses", "failover" or "resilient". Without it no
     * ActiveEmailConnector bean is created.
     */
    private String connector;

    /**
     * The connector's configuration, with the field names of its JSON Schema (Logto's names, such as "fromEmail").
     * Values from YAML keep their types; string values from properties files and environment variables are converted
     * where the schema expects a number or a boolean.
     */
    private Map<String, Object> config = new LinkedHashMap<>();

    /**
     * A JSON file holding the connector's configuration instead of "config", for example
     * "file:/etc/email/connector.json" or "classpath:email-connector.json".
     */
    private Resource configFile;

    /** Tenant id passed to connectors, used by per-tenant limits and (when enabled) as a metrics tag. */
    private String tenantId = "default";

    /**
     * Which network addresses connectors may connect to. Use "public-addresses-only" when tenants, not only operators,
     * can enter hosts or endpoints.
     */
    private NetworkPolicyMode networkPolicy = NetworkPolicyMode.ALLOW_ALL;

    /** Operator settings of the built-in connector. */
    private final Builtin builtin = new Builtin();

    /** Micrometer metrics of every send. */
    private final Metrics metrics = new Metrics();

    /** The health indicator, when enabled with management.health.email-connectors.enabled. */
    private final Health health = new Health();

    /** @return the connector id or alias, or null */
    public String getConnector() {
        return connector;
    }

    /** @param connector the connector id or alias */
    public void setConnector(String connector) {
        this.connector = connector;
    }

    /** @return the connector configuration as bound */
    public Map<String, Object> getConfig() {
        return config;
    }

    /** @param config the connector configuration */
    public void setConfig(Map<String, Object> config) {
        this.config = config;
    }

    /** @return the configuration file, or null */
    public Resource getConfigFile() {
        return configFile;
    }

    /** @param configFile the configuration file */
    public void setConfigFile(Resource configFile) {
        this.configFile = configFile;
    }

    /** @return the tenant id */
    public String getTenantId() {
        return tenantId;
    }

    /** @param tenantId the tenant id */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    /** @return the network policy */
    public NetworkPolicyMode getNetworkPolicy() {
        return networkPolicy;
    }

    /** @param networkPolicy the network policy */
    public void setNetworkPolicy(NetworkPolicyMode networkPolicy) {
        this.networkPolicy = networkPolicy;
    }

    /** @return the built-in connector's operator settings */
    public Builtin getBuiltin() {
        return builtin;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the health indicator settings */
    public Health getHealth() {
        return health;
    }

    /** Which addresses connectors may reach; see {@link dev.emailconnectors.spi.NetworkPolicy}. */
    public enum NetworkPolicyMode {
        /** Every address (the default): configurations come only from the people who run the server. */
        ALLOW_ALL,
        /** Refuse loopback, private, link-local and cloud metadata addresses, checked after DNS resolution. */
        PUBLIC_ADDRESSES_ONLY
    }

    /** How the built-in connector delivers: settings the operator controls and tenants cannot change. */
    public static class Builtin {

        /**
         * Delivery settings of the built-in connector, for example "connector: smtp" with its "config", or "outbox"
         * with a directory; "fromEmail" and "usageLimit" apply to both.
         */
        private Map<String, Object> delivery = new LinkedHashMap<>();

        /** A JSON file holding the delivery settings instead of "delivery". */
        private Resource deliveryFile;

        /** @return the delivery settings as bound */
        public Map<String, Object> getDelivery() {
            return delivery;
        }

        /** @param delivery the delivery settings */
        public void setDelivery(Map<String, Object> delivery) {
            this.delivery = delivery;
        }

        /** @return the delivery settings file, or null */
        public Resource getDeliveryFile() {
            return deliveryFile;
        }

        /** @param deliveryFile the delivery settings file */
        public void setDeliveryFile(Resource deliveryFile) {
            this.deliveryFile = deliveryFile;
        }
    }

    /** Micrometer settings. */
    public static class Metrics {

        /** Whether to record sends in the application's MeterRegistry, when there is one. */
        private boolean enabled = true;

        /**
         * Whether to tag every meter with the tenant id. Off by default: every tenant multiplies the time series.
         */
        private boolean tenantTag;

        /** @return whether metrics are recorded */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether metrics are recorded */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return whether meters carry a tenant tag */
        public boolean isTenantTag() {
            return tenantTag;
        }

        /** @param tenantTag whether meters carry a tenant tag */
        public void setTenantTag(boolean tenantTag) {
            this.tenantTag = tenantTag;
        }
    }

    /** Health indicator settings. */
    public static class Health {

        /**
         * Consecutive failures of the active connector that turn its health DOWN. Only failures that point at the
         * provider count (unreachable, timeout, throttled, credentials refused), not refused requests.
         */
        private int failureThreshold = 3;

        /** @return the failures that turn the health DOWN */
        public int getFailureThreshold() {
            return failureThreshold;
        }

        /** @param failureThreshold the failures that turn the health DOWN */
        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }
    }
}
