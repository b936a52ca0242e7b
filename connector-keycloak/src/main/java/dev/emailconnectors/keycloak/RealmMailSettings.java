package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a realm's email settings (Keycloak's {@code smtpServer} map, edited on the realm's Email tab or through the
 * admin REST API) say about sending: the connector and its JSON configuration, and the sender and reply-to Keycloak
 * lets the realm choose.
 *
 * <p>Without {@value #CONNECTOR} the realm's SMTP fields are mapped to the {@code smtp} connector, so a realm that
 * worked with Keycloak's own sender works unchanged. With {@value #CONNECTOR} ({@code ses}, {@code failover}, …) the
 * configuration is the JSON in the realm attribute {@value #CONFIG} (Keycloak stores each value of the email settings
 * in 255 characters, too few for a configuration; realm attributes have no such limit). Its secret fields hold
 * references ({@code ${vault.NAME}} or {@code ${password}}), never the secrets themselves (see
 * {@link SecretReferences}).
 *
 * @param connectorId the connector id or alias
 * @param config the connector's configuration, secrets still as references
 * @param sendFrom the realm's sender ({@code from}, {@code fromDisplayName}), if set
 * @param replyTo the realm's reply-to ({@code replyTo}, {@code replyToDisplayName}), if set
 * @param problems what is wrong with the map itself (unreadable JSON, unsupported options), each with its key
 */
record RealmMailSettings(
        String connectorId,
        JsonNode config,
        Optional<String> sendFrom,
        Optional<String> replyTo,
        List<ConfigViolation> problems) {
    /** Key of the connector id in the realm's email settings. */
    static final String CONNECTOR = "emailConnector";
    /** Name of the realm attribute holding the connector's JSON configuration. */
    static final String CONFIG = "emailConnectorConfig";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a realm's email settings.
     *
     * @param map the settings as Keycloak passes them
     * @param configJson the realm attribute {@value #CONFIG}, or null
     * @return the settings; {@link #problems()} lists what could not be read
     */
    static RealmMailSettings read(Map<String, String> map, String configJson) {
        Optional<String> sendFrom = mailbox(map.get("fromDisplayName"), map.get("from"));
        Optional<String> replyTo = mailbox(map.get("replyToDisplayName"), map.get("replyTo"));
        String connector = blankToNull(map.get(CONNECTOR));
        List<ConfigViolation> problems = new ArrayList<>();
        if (connector == null) {
            ObjectNode smtp = KeycloakSmtp.toConnectorConfig(map, problems);
            return new RealmMailSettings("smtp", smtp, sendFrom, replyTo, problems);
        }
        JsonNode config = JSON.createObjectNode();
        String text = blankToNull(configJson);
        if (text != null) {
            try {
                config = JSON.readTree(text);
                if (config == null || !config.isObject()) {
                    problems.add(new ConfigViolation("/" + CONFIG, "must be a JSON object"));
                    config = JSON.createObjectNode();
                }
            } catch (JsonProcessingException e) {
                problems.add(new ConfigViolation(
                        "/" + CONFIG,
                        "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ")"));
            }
        }
        return new RealmMailSettings(connector.trim(), config, sendFrom, replyTo, problems);
    }

    private static Optional<String> mailbox(String displayName, String address) {
        String a = blankToNull(address);
        if (a == null) {
            return Optional.ofNullable(blankToNull(displayName));
        }
        String name = blankToNull(displayName);
        return Optional.of(name == null ? a : name + " <" + a + ">");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
