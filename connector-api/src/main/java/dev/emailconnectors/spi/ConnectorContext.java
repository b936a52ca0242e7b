package dev.emailconnectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.SendListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host gives every connector it creates. Everything has a default, so {@link #defaults()} works for a
 * single-tenant application; a multi-tenant host builds one per tenant.
 *
 * <pre>{@code
 * ConnectorContext context = ConnectorContext.builder()
 *         .tenantId("acme")
 *         .templateResolver((type, languageTag) -> templateStore.find(tenant, type, languageTag))
 *         .networkPolicy(NetworkPolicy.publicAddressesOnly())
 *         .listener(metrics)
 *         .build();
 * }</pre>
 */
public final class ConnectorContext {
    private static final ConnectorContext DEFAULTS = builder().build();

    private final TemplateSource templateResolver;
    private final Clock clock;
    private final NetworkPolicy networkPolicy;
    private final SendListener listener;
    private final Map<String, JsonNode> operatorSettings;
    private final String tenantId;
    private final ConnectorCatalog catalog;
    private final Map<Class<?>, Object> extensions;
    private final SuppressionList suppressionList;
    private final SecretScrubber scrubber;

    private ConnectorContext(Builder b) {
        this.templateResolver = b.templateResolver;
        this.clock = b.clock;
        this.networkPolicy = b.networkPolicy;
        this.listener = b.listener;
        this.operatorSettings = Map.copyOf(b.operatorSettings);
        this.tenantId = b.tenantId;
        this.catalog = b.catalog;
        this.extensions = Map.copyOf(b.extensions);
        this.suppressionList = b.suppressionList;
        this.scrubber = b.scrubber;
    }

    /**
     * Returns the context with every default: no host templates, the system UTC clock, all network addresses
     * allowed, no listener, no operator settings, no suppression list, tenant {@code "default"}.
     *
     * @return the default context
     */
    public static ConnectorContext defaults() {
        return DEFAULTS;
    }

    /**
     * Starts building a context.
     *
     * @return a builder with every default
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this context's values */
    public Builder toBuilder() {
        Builder b = new Builder()
                .templateResolver(templateResolver)
                .clock(clock)
                .networkPolicy(networkPolicy)
                .listener(listener)
                .tenantId(tenantId)
                .catalog(catalog)
                .suppressionList(suppressionList)
                .scrubber(scrubber);
        b.operatorSettings.putAll(operatorSettings);
        b.extensions.putAll(extensions);
        return b;
    }

    /** @return the host's custom templates by type and language tag */
    public TemplateSource templateResolver() {
        return templateResolver;
    }

    /** @return the clock for timestamps (receipts, signatures, rate windows) */
    public Clock clock() {
        return clock;
    }

    /** @return which network addresses connectors may connect to */
    public NetworkPolicy networkPolicy() {
        return networkPolicy;
    }

    /** @return the observer of every send */
    public SendListener listener() {
        return listener;
    }

    /**
     * Returns the recipients this tenant must not send to; every send checks it before any I/O.
     *
     * @return the list, {@link SuppressionList#none()} unless the host set one
     */
    public SuppressionList suppressionList() {
        return suppressionList;
    }

    /** @return the tenant these connectors serve, for per-tenant limits and observations */
    public String tenantId() {
        return tenantId;
    }

    /**
     * Returns the operator's settings for a connector: configuration that the operator of the host controls and a
     * tenant cannot change, such as how the built-in service delivers its messages.
     *
     * @param connectorId the connector id
     * @return the settings, if the operator gave any
     */
    public Optional<JsonNode> operatorSettings(String connectorId) {
        return Optional.ofNullable(operatorSettings.get(connectorId));
    }

    /**
     * Returns the catalog the connector is being created from, so that composite connectors can create their
     * members. The core sets it; hosts need not.
     *
     * @return the catalog, when known
     */
    public Optional<ConnectorCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /**
     * Returns the scrubber of the connector being created: its configuration's secrets, to which secrets obtained at
     * run time are {@link SecretScrubber#add added}. The core sets a new one for every connector it creates; a context
     * built by a host has {@link SecretScrubber#none()}.
     *
     * @return the connector's scrubber
     */
    public SecretScrubber scrubber() {
        return scrubber;
    }

    /**
     * Returns a host-provided object for a connector module, such as a shared state store for the reliability
     * connectors or a metrics registry.
     *
     * @param type the type the object was registered under
     * @param <T> the type
     * @return the object, if the host registered one
     */
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    @Override
    public String toString() {
        return "ConnectorContext{tenantId=" + tenantId + ", networkPolicy=" + networkPolicy + ", operatorSettings="
                + operatorSettings.keySet() + "}";
    }

    /** Builds a {@link ConnectorContext}. */
    public static final class Builder {
        private TemplateSource templateResolver = TemplateSource.none();
        private Clock clock = Clock.systemUTC();
        private NetworkPolicy networkPolicy = NetworkPolicy.allowAll();
        private SendListener listener = SendListener.none();
        private final Map<String, JsonNode> operatorSettings = new LinkedHashMap<>();
        private String tenantId = "default";
        private ConnectorCatalog catalog;
        private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();
        private SuppressionList suppressionList = SuppressionList.none();
        private SecretScrubber scrubber = SecretScrubber.none();

        private Builder() {}

        /**
         * Sets the recipients this tenant must not send to.
         *
         * @param suppressionList the list (in memory, JDBC, or the host's own)
         * @return this builder
         */
        public Builder suppressionList(SuppressionList suppressionList) {
            this.suppressionList = Objects.requireNonNull(suppressionList, "suppressionList");
            return this;
        }

        /**
         * Registers a host-provided object for connector modules that look it up by type.
         *
         * @param type the type to register it under
         * @param value the object
         * @param <T> the type
         * @return this builder
         */
        public <T> Builder extension(Class<T> type, T value) {
            extensions.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the host's custom templates.
         *
         * @param templateResolver the source
         * @return this builder
         */
        public Builder templateResolver(TemplateSource templateResolver) {
            this.templateResolver = Objects.requireNonNull(templateResolver, "templateResolver");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the network policy; see {@link NetworkPolicy#publicAddressesOnly()} for multi-tenant hosts.
         *
         * @param networkPolicy the policy
         * @return this builder
         */
        public Builder networkPolicy(NetworkPolicy networkPolicy) {
            this.networkPolicy = Objects.requireNonNull(networkPolicy, "networkPolicy");
            return this;
        }

        /**
         * Sets the send observer.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SendListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the tenant id.
         *
         * @param tenantId the id
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            return this;
        }

        /**
         * Sets operator settings for one connector id.
         *
         * @param connectorId the connector id, for example {@code "builtin"}
         * @param settings the settings (JSON)
         * @return this builder
         */
        public Builder operatorSettings(String connectorId, JsonNode settings) {
            operatorSettings.put(
                    Objects.requireNonNull(connectorId, "connectorId"), Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * Sets the catalog (normally done by the core).
         *
         * @param catalog the catalog, or null
         * @return this builder
         */
        public Builder catalog(ConnectorCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * Sets the scrubber of the connector being created (normally done by the core).
         *
         * @param scrubber the scrubber
         * @return this builder
         */
        public Builder scrubber(SecretScrubber scrubber) {
            this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
            return this;
        }

        /** @return the context */
        public ConnectorContext build() {
            return new ConnectorContext(this);
        }
    }
}
