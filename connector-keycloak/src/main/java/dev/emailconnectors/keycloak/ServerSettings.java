package dev.emailconnectors.keycloak;

import dev.emailconnectors.spi.NetworkPolicy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, from the provider's SPI options ({@code --spi-email-sender--email-connectors--…}): what
 * realm administrators may choose.
 *
 * @param networkPolicy {@code network-policy}: {@code allow-all} (the default, like Keycloak's own sender) or
 *     {@code public-addresses-only} when realm administrators are tenants rather than operators
 * @param allowedConnectors {@code allowed-connectors}: the connector ids or aliases realms may choose; empty for all
 */
record ServerSettings(NetworkPolicy networkPolicy, Set<String> allowedConnectors) {
    static final String NETWORK_POLICY = "network-policy";
    static final String ALLOWED_CONNECTORS = "allowed-connectors";

    /**
     * Reads the settings.
     *
     * @param networkPolicy the {@code network-policy} option, or null
     * @param allowedConnectors the {@code allowed-connectors} option (comma-separated), or null
     * @return the settings
     * @throws IllegalArgumentException for an unknown network policy, naming the accepted values
     */
    static ServerSettings of(String networkPolicy, String allowedConnectors) {
        String policy =
                networkPolicy == null ? "allow-all" : networkPolicy.trim().toLowerCase(Locale.ROOT);
        NetworkPolicy chosen =
                switch (policy) {
                    case "allow-all", "" -> NetworkPolicy.allowAll();
                    case "public-addresses-only" -> NetworkPolicy.publicAddressesOnly();
                    default -> throw new IllegalArgumentException("Unknown " + NETWORK_POLICY + " '" + networkPolicy
                            + "'; use allow-all or public-addresses-only");
                };
        Set<String> allowed = allowedConnectors == null
                ? Set.of()
                : Arrays.stream(allowedConnectors.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new ServerSettings(chosen, allowed);
    }

    /** @return whether realms may choose the connector */
    boolean allows(String connectorId) {
        return allowedConnectors.isEmpty() || allowedConnectors.contains(connectorId);
    }
}
