package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Secrets of a realm's connector configuration live outside the realm: a value is either {@code ${vault.NAME}} (a
 * secret of Keycloak's vault, resolved per realm as Keycloak resolves its own SMTP password) or {@code ${password}}
 * (the Email tab's password field, which Keycloak masks in the admin console and in realm exports). A plain secret
 * would be exported with the realm, so it is refused when the realm is saved.
 */
final class SecretReferences {
    /** The reference to the Email tab's password field. */
    static final String PASSWORD = "${password}";

    private static final Pattern VAULT = Pattern.compile("\\$\\{vault\\.[^}]+}");
    private static final String MASK = "***";

    private SecretReferences() {}

    /** @return whether a value is a reference rather than a secret */
    static boolean isReference(String value) {
        return PASSWORD.equals(value) || VAULT.matcher(value).matches();
    }

    /**
     * Lists the secret fields (as the connector's schema marks them) that hold a plain value.
     *
     * @param catalog the catalog
     * @param connectorId the connector
     * @param config the configuration as stored in the realm
     * @return one violation per plain secret, without its value
     */
    static List<ConfigViolation> plainSecrets(ConnectorCatalog catalog, String connectorId, JsonNode config) {
        List<ConfigViolation> out = new ArrayList<>();
        collect(config, catalog.redact(connectorId, config), "", out);
        return out;
    }

    private static void collect(JsonNode value, JsonNode redacted, String path, List<ConfigViolation> out) {
        if (value.isTextual()) {
            if (redacted.isTextual()
                    && MASK.equals(redacted.asText())
                    && !value.asText().isEmpty()
                    && !isReference(value.asText())) {
                out.add(new ConfigViolation(
                        path,
                        "is a secret: put it in Keycloak's vault and write ${vault.NAME}, or in the Email tab's"
                                + " password field and write ${password}, so that it stays out of realm exports"));
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> f : value.properties()) {
                String name = f.getKey().replace("~", "~0").replace("/", "~1");
                collect(f.getValue(), redacted.path(f.getKey()), path + "/" + name, out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), redacted.path(i), path + "/" + i, out);
            }
        }
    }

    /**
     * Returns a copy with every reference replaced by its value.
     *
     * @param config the configuration
     * @param password the Email tab's password (itself possibly a vault reference), or null
     * @param vault looks up a {@code ${vault.NAME}} expression
     * @param missing collects references that could not be resolved
     * @return the resolved copy; unresolved references become empty strings
     */
    static JsonNode resolve(
            JsonNode config, String password, Function<String, Optional<String>> vault, List<ConfigViolation> missing) {
        return resolve(config.deepCopy(), "", password, vault, missing);
    }

    private static JsonNode resolve(
            JsonNode node,
            String path,
            String password,
            Function<String, Optional<String>> vault,
            List<ConfigViolation> missing) {
        if (node.isTextual() && isReference(node.asText())) {
            String reference = node.asText();
            String value = PASSWORD.equals(reference) ? password : reference;
            if (value != null && VAULT.matcher(value).matches()) {
                value = vault.apply(value).orElse(null);
            }
            if (value == null) {
                missing.add(
                        new ConfigViolation(path, "refers to " + describe(reference, password) + ", which is not set"));
                return TextNode.valueOf("");
            }
            return TextNode.valueOf(value);
        }
        if (node instanceof ObjectNode object) {
            for (String name :
                    object.properties().stream().map(Map.Entry::getKey).toList()) {
                object.set(name, resolve(object.get(name), path + "/" + name, password, vault, missing));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), path + "/" + i, password, vault, missing));
            }
        }
        return node;
    }

    private static String describe(String reference, String password) {
        if (!PASSWORD.equals(reference)) {
            return "the vault secret " + reference;
        }
        return password == null ? "the Email tab's password" : "the vault secret " + password;
    }
}
