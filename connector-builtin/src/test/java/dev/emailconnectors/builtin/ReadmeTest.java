package dev.emailconnectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("README")
class ReadmeTest {
    @Test
    @DisplayName("documents every configuration field of the schema, and the delivery settings")
    void documentsEveryField() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        JsonNode schema = Fixtures.CATALOG.require("builtin").configSchema();
        List<String> fields = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isNotEmpty();
        for (String field : fields) {
            assertThat(readme).as("field %s", field).contains("`" + field + "`");
        }
        for (String setting : List.of("connector", "config", "outbox", "fromEmail", "usageLimit")) {
            assertThat(readme).as("setting %s", setting).contains("| `" + setting + "` |");
        }
        assertThat(readme)
                .contains(BuiltinProvider.DELIVERY_ENV)
                .contains(BuiltinProvider.DELIVERY_PROPERTY)
                .contains(BuiltinProvider.OUTBOX_ENV)
                .contains(BuiltinProvider.OUTBOX_PROPERTY);
        for (String locale : Locales.SHIPPED) {
            assertThat(readme).contains(locale);
        }
    }
}
