package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.SendRequest;
import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.ConnectorContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector per realm, created from the realm's email settings on first use and replaced when the settings change
 * (the next send after an administrator saves them), so a realm switches to {@code ses} or {@code failover} without a
 * restart; the replaced connector closes once the sends still using it have finished. Connections a connector pools are shared by all sends of its realm. Settings that are not the realm's
 * stored ones (Keycloak's "Test connection" sends the form's) get a connector of their own, closed after the send.
 * Thread-safe.
 */
final class RealmConnectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealmConnectors.class);

    private final ConnectorCatalog catalog;
    private final ServerSettings server;
    private final Map<String, SharedConnector> byRealm = new ConcurrentHashMap<>();

    RealmConnectors(ConnectorCatalog catalog, ServerSettings server) {
        this.catalog = catalog;
        this.server = server;
    }

    /** A realm's email settings, read, completed and resolved. */
    record Prepared(String connectorId, JsonNode config, RealmMailSettings settings, List<ConfigViolation> problems) {

        /** @return a fingerprint of the connector and its resolved configuration; kept in memory only */
        String fingerprint() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((connectorId + '\n' + config).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is always available", e);
            }
        }

        /** @return every problem as one message, for Keycloak's administrators */
        String describe() {
            return RealmConnectors.describe("connector '" + connectorId + "'", problems);
        }
    }

    /**
     * Describes problems in one message.
     *
     * @param what what has them
     * @param problems the problems
     * @return {@code Invalid email settings for WHAT (N problems): /path: message; …}
     */
    static String describe(String what, List<ConfigViolation> problems) {
        return "Invalid email settings for " + what + " (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ")
                + problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }

    /**
     * Checks what a realm's email settings map alone decides, as Keycloak asks when the realm is saved: the chosen
     * connector is available, and the SMTP fields are complete when they are used.
     *
     * @param map Keycloak's email settings of the realm
     * @param password the Email tab's password, or null
     * @param vault resolves {@code ${vault.NAME}} expressions for the realm
     * @return every problem found
     */
    List<ConfigViolation> check(Map<String, String> map, String password, Function<String, Optional<String>> vault) {
        List<ConfigViolation> problems = prepare(map, null, password, vault).problems();
        if (RealmMailSettings.blankToNull(map.get(RealmMailSettings.CONNECTOR)) == null) {
            return problems;
        }
        return problems.stream()
                .filter(p -> !p.path().startsWith("/" + RealmMailSettings.CONFIG))
                .filter(p -> p.path().equals("/" + RealmMailSettings.CONNECTOR))
                .toList();
    }

    /**
     * Reads and checks a realm's email settings.
     *
     * @param map Keycloak's email settings of the realm
     * @param configJson the realm attribute with the chosen connector's JSON configuration, or null
     * @param password the Email tab's password to use for {@code ${password}} (the stored one when the form's is
     *     masked), or null
     * @param vault resolves {@code ${vault.NAME}} expressions for the realm
     * @return the prepared settings, with every problem found (a plain secret is one: it would be exported with the
     *     realm)
     */
    Prepared prepare(
            Map<String, String> map, String configJson, String password, Function<String, Optional<String>> vault) {
        RealmMailSettings settings = RealmMailSettings.read(map, configJson);
        List<ConfigViolation> problems = new ArrayList<>(settings.problems());
        Optional<ConnectorDescriptor> descriptor = catalog.find(settings.connectorId());
        if (descriptor.isEmpty() || !server.allows(descriptor.get().id())) {
            problems.add(new ConfigViolation(
                    "/" + RealmMailSettings.CONNECTOR,
                    "'" + settings.connectorId() + "' is not available; choose one of " + available()));
            return new Prepared(settings.connectorId(), settings.config(), settings, problems);
        }
        String id = descriptor.get().id();
        boolean mapped = RealmMailSettings.blankToNull(map.get(RealmMailSettings.CONNECTOR)) == null;
        String prefix = mapped ? "" : "/" + RealmMailSettings.CONFIG;
        if (!mapped) {
            SecretReferences.plainSecrets(catalog, id, settings.config())
                    .forEach(v -> problems.add(new ConfigViolation(prefix + v.path(), v.message())));
        }
        List<ConfigViolation> missing = new ArrayList<>();
        JsonNode resolved = SecretReferences.resolve(
                catalog.require(id).withStandInTemplates(settings.config()), password, vault, missing);
        Function<String, String> where = path -> prefix + (mapped ? KeycloakSmtp.keyOf(path) : path);
        missing.forEach(v -> problems.add(new ConfigViolation(where.apply(v.path()), v.message())));
        Set<String> seen = problems.stream().map(ConfigViolation::path).collect(Collectors.toSet());
        catalog.validate(id, resolved).violations().stream()
                .map(v -> new ConfigViolation(where.apply(v.path()), v.message()))
                .filter(v -> !seen.contains(v.path()))
                .forEach(problems::add);
        return new Prepared(id, resolved, settings, problems);
    }

    private List<String> available() {
        return catalog.providers().stream()
                .map(ConnectorDescriptor::id)
                .filter(server::allows)
                .toList();
    }

    /**
     * Sends through the realm's connector.
     *
     * @param realmId the realm's id, for the cache
     * @param realmName the realm's name, the connectors' tenant id
     * @param prepared the realm's prepared settings, without problems
     * @param stored whether these are the realm's stored settings (else a connector is made for this send only)
     * @param request the message
     * @return the receipt
     * @throws EmailConnectorException when the message was not accepted
     */
    SendResult send(String realmId, String realmName, Prepared prepared, boolean stored, SendRequest request) {
        if (!prepared.problems().isEmpty()) {
            throw new EmailConnectorException(ErrorCode.INVALID_CONFIG, prepared.describe());
        }
        if (!stored) {
            try (EmailConnector once = create(realmName, prepared)) {
                return once.send(request);
            }
        }
        String fingerprint = prepared.fingerprint();
        while (true) {
            SharedConnector shared = byRealm.compute(realmId, (k, old) -> {
                if (old != null && old.fingerprint().equals(fingerprint)) {
                    return old;
                }
                if (old != null) {
                    old.retire();
                }
                LOG.info("Email connector '{}' active for realm {}", prepared.connectorId(), realmName);
                return new SharedConnector(fingerprint, create(realmName, prepared));
            });
            EmailConnector connector = shared.acquire();
            if (connector != null) {
                try {
                    return connector.send(request);
                } finally {
                    shared.release();
                }
            }
        }
    }

    /** @return the realm's current connector, for tests */
    SharedConnector current(String realmId) {
        return byRealm.get(realmId);
    }

    private EmailConnector create(String realmName, Prepared prepared) {
        ConnectorContext context = ConnectorContext.builder()
                .tenantId(realmName)
                .networkPolicy(server.networkPolicy())
                .catalog(catalog)
                .build();
        return catalog.create(prepared.connectorId(), prepared.config(), context);
    }

    /** Closes the connector of a realm that no longer exists (after the sends still using it). */
    void forget(String realmId) {
        SharedConnector old = byRealm.remove(realmId);
        if (old != null) {
            old.retire();
        }
    }

    @Override
    public void close() {
        byRealm.keySet().forEach(this::forget);
    }
}
