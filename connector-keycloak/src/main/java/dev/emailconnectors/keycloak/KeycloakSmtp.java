package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emailconnectors.ConfigViolation;
import java.util.List;
import java.util.Map;

/**
 * Maps the SMTP fields of a realm's Email tab (the keys of Keycloak's {@code smtpServer} map) to the configuration of
 * the {@code smtp} connector, with Keycloak's meanings: no TLS unless {@code ssl} or {@code starttls} asks for it,
 * port 465 with {@code ssl} and 25 otherwise, timeouts in milliseconds. The password stays a reference to the
 * {@code password} key, resolved when the connector is created.
 */
final class KeycloakSmtp {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KeycloakSmtp() {}

    static ObjectNode toConnectorConfig(Map<String, String> map, List<ConfigViolation> problems) {
        ObjectNode config = NODES.objectNode();
        boolean ssl = flag(map, "ssl");
        boolean starttls = flag(map, "starttls");
        putText(config, "host", map.get("host"));
        String port = RealmMailSettings.blankToNull(map.get("port"));
        config.put("port", port == null ? (ssl ? 465 : 25) : number(port, "port", problems));
        String from = RealmMailSettings.blankToNull(map.get("from"));
        if (from != null) {
            String name = RealmMailSettings.blankToNull(map.get("fromDisplayName"));
            config.put("fromEmail", name == null ? from : name + " <" + from + ">");
        }
        config.put("secure", ssl);
        // Keycloak's sender speaks clear text unless asked for TLS; STARTTLS is still used when the server offers it
        config.put("requireTLS", starttls);
        if (flag(map, "auth")) {
            String type = map.getOrDefault("authType", "basic");
            if (type.equalsIgnoreCase("token")) {
                problems.add(new ConfigViolation(
                        "/authType",
                        "token (OAuth2 client credentials) is not supported by this sender; use basic authentication,"
                                + " or choose a connector with emailConnector"));
            }
            ObjectNode auth = config.putObject("auth");
            putText(auth, "user", map.get("user"));
            auth.put("pass", SecretReferences.PASSWORD);
        }
        milliseconds(map, "connectionTimeout", config, "connectionTimeout", problems);
        milliseconds(map, "timeout", config, "socketTimeout", problems);
        if (flag(map, "debug")) {
            config.put("logger", true);
        }
        return config;
    }

    /**
     * Names the realm setting a violation of the mapped configuration concerns.
     *
     * @param pointer a JSON Pointer into the mapped configuration
     * @return the pointer to the Keycloak key, for example {@code /from} for {@code /fromEmail}
     */
    static String keyOf(String pointer) {
        return switch (pointer) {
            case "/fromEmail" -> "/from";
            case "/auth/user" -> "/user";
            case "/auth/pass" -> "/password";
            case "/socketTimeout" -> "/timeout";
            case "/secure" -> "/ssl";
            case "/requireTLS" -> "/starttls";
            default -> pointer;
        };
    }

    private static boolean flag(Map<String, String> map, String key) {
        return Boolean.parseBoolean(map.get(key));
    }

    private static void putText(ObjectNode node, String field, String value) {
        String v = RealmMailSettings.blankToNull(value);
        if (v != null) {
            node.put(field, v.trim());
        }
    }

    private static void milliseconds(
            Map<String, String> map, String key, ObjectNode config, String field, List<ConfigViolation> problems) {
        String value = RealmMailSettings.blankToNull(map.get(key));
        if (value != null) {
            config.put(field, number(value, key, problems));
        }
    }

    private static int number(String value, String key, List<ConfigViolation> problems) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(new ConfigViolation("/" + key, "must be a whole number"));
            return 0;
        }
    }
}
