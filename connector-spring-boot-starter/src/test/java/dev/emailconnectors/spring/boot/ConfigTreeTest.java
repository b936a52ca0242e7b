package dev.emailconnectors.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Bound configurations")
class ConfigTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Nested
    @DisplayName("become JSON")
    class ToJson {

        @Test
        @DisplayName("with maps keyed 0..n-1 (Spring's form of a list) as arrays, in index order")
        void indexedMaps() throws Exception {
            Map<String, Object> templates = new LinkedHashMap<>();
            templates.put("1", Map.of("usageType", "SignIn"));
            templates.put("0", Map.of("usageType", "Register"));
            Map<String, Object> bound = Map.of("templates", templates, "brackets", Map.of("[0]", "a", "[1]", "b"));

            assertThat(ConfigTree.toJson(bound))
                    .isEqualTo(json("{'templates': [{'usageType': 'Register'}, {'usageType': 'SignIn'}],"
                            + " 'brackets': ['a', 'b']}"));
        }

        @Test
        @DisplayName("with other maps as objects, keeping the case of keys and dropping brackets")
        void objects() throws Exception {
            Map<String, Object> bound = new LinkedHashMap<>();
            bound.put("0", "zero");
            bound.put("2", "two");
            bound.put("[X-Custom.Header]", "v");
            bound.put("fromEmail", "a@example.com");

            assertThat(ConfigTree.toJson(bound))
                    .isEqualTo(json("{'0': 'zero', '2': 'two', 'X-Custom.Header': 'v', 'fromEmail': 'a@example.com'}"));
        }

        @Test
        @DisplayName("keeping the numbers, booleans and lists that YAML gives")
        void typed() throws Exception {
            assertThat(ConfigTree.toJson(Map.of("port", 587, "secure", true, "list", List.of(1, "x"))))
                    .isEqualTo(json("{'port': 587, 'secure': true, 'list': [1, 'x']}"));
        }
    }

    @Nested
    @DisplayName("convert strings")
    class Coerce {

        @Test
        @DisplayName("to numbers and booleans only where the connector's schema expects them and no string")
        void bySchema() throws Exception {
            JsonNode config = json("{'host': '10', 'port': '587', 'ignoreTLS': 'true', 'auth': {'user': '1234',"
                    + " 'pass': '000111'}, 'unknown': '5', 'connectionTimeout': 'soon'}");

            assertThat(ConfigTree.coerce(config, "smtp", CATALOG))
                    .isEqualTo(json("{'host': '10', 'port': 587, 'ignoreTLS': true, 'auth': {'user': '1234',"
                            + " 'pass': '000111'}, 'unknown': '5', 'connectionTimeout': 'soon'}"));
        }

        @Test
        @DisplayName("inside nested connector configurations with the nested connector's schema")
        void nested() throws Exception {
            JsonNode failover = json("{'connectors': [{'id': 'smtp', 'config': {'port': '25', 'pass': '42'}}],"
                    + " 'circuitBreaker': {'failureThreshold': '3'}}");
            assertThat(ConfigTree.coerce(failover, "failover", CATALOG))
                    .isEqualTo(json("{'connectors': [{'id': 'smtp', 'config': {'port': 25, 'pass': '42'}}],"
                            + " 'circuitBreaker': {'failureThreshold': 3}}"));

            JsonNode delivery = json("{'connector': 'simple-mail-transfer-protocol', 'config': {'port': '2525'}}");
            assertThat(ConfigTree.coerce(delivery, "builtin", CATALOG)
                            .at("/config/port")
                            .isInt())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("name a JSON Pointer as the property to fix")
    void propertyNames() throws Exception {
        JsonNode config = json("{'templates': [{}, {}, {'subject': 's'}], 'customHeaders': {'X-Id': 'a', 'a.b': 'c'}}");
        String prefix = "email-connectors.config";

        assertThat(ConfigTree.propertyName(prefix, "", config)).isEqualTo(prefix);
        assertThat(ConfigTree.propertyName(prefix, "/templates/2/subject", config))
                .isEqualTo(prefix + ".templates[2].subject");
        assertThat(ConfigTree.propertyName(prefix, "/customHeaders/X-Id", config))
                .isEqualTo(prefix + ".customHeaders.X-Id");
        assertThat(ConfigTree.propertyName(prefix, "/customHeaders/a.b", config))
                .isEqualTo(prefix + ".customHeaders[a.b]");
        assertThat(ConfigTree.propertyName(prefix, "/missing/0", config)).isEqualTo(prefix + ".missing.0");
    }
}
