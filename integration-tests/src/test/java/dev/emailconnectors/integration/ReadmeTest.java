package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emailconnectors.ConnectorDescriptor;
import dev.emailconnectors.EmailConnectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Keeps the README's tables of connectors and configuration fields in step with the connectors' schemas. */
@DisplayName("README")
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (.*) \\|$");

    private static Map<String, String> fieldRows() throws IOException {
        String text = Files.readString(README);
        int start = text.indexOf("### Configuration fields");
        assertThat(start).as("the README has a configuration fields section").isPositive();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : text.substring(start).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m.group(2));
            } else if (line.startsWith("## ")) {
                break;
            }
        }
        return rows;
    }

    @TestFactory
    @DisplayName("every top-level field of every connector's schema is in the table, required in bold, secret marked")
    Stream<DynamicTest> fieldsMatchSchemas() throws IOException {
        Map<String, String> rows = fieldRows();
        return EmailConnectors.discover().providers().stream()
                .map(d -> DynamicTest.dynamicTest(d.id(), () -> check(d, rows.get(d.id()))));
    }

    private static void check(ConnectorDescriptor d, String row) {
        assertThat(row).as("a README row for %s", d.id()).isNotNull();
        JsonNode schema = d.configSchema();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").properties().forEach(e -> {
            String name = e.getKey();
            assertThat(row).as("%s: field %s listed", d.id(), name).contains("`" + name + "`");
            boolean bold = row.contains("**`" + name + "`**");
            assertThat(bold)
                    .as("%s: %s is bold exactly when required", d.id(), name)
                    .isEqualTo(required.contains(name));
            boolean secret = e.getValue().path("writeOnly").asBoolean(false);
            if (secret) {
                assertThat(row).as("%s: %s marked secret", d.id(), name).containsPattern("`" + name + "`\\**? 🔒");
            }
        });
    }

    @Test
    @DisplayName("every connector in the fields table exists")
    void noStaleRows() throws IOException {
        Set<String> ids = new HashSet<>();
        EmailConnectors.discover().providers().forEach(d -> ids.add(d.id()));
        assertThat(ids).containsAll(fieldRows().keySet());
    }
}
