package dev.emailconnectors.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("A module path application")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModulePathIT {
    /** Every connector module, with the connector ids it provides. */
    private static final Map<String, List<String>> CONNECTORS = Map.of(
            "org.example.jsonl", List.of("jsonl-file"),
            "dev.emailconnectors.smtp", List.of("smtp"),
            "dev.emailconnectors.http", List.of("http"),
            "dev.emailconnectors.ses", List.of("ses"),
            "dev.emailconnectors.aliyun", List.of("aliyun"),
            "dev.emailconnectors.sendgrid", List.of("sendgrid"),
            "dev.emailconnectors.postmark", List.of("postmark"),
            "dev.emailconnectors.mailgun", List.of("mailgun"),
            "dev.emailconnectors.builtin", List.of("builtin"),
            "dev.emailconnectors.reliability", List.of("failover", "resilient"));

    /**
     * Modules whose providers are found through {@code provides} but may not be instantiable on the module path yet:
     * they read their schema with {@code ConfigSupport.loadSchema(ProviderClass.class, "schema.json")}, which calls
     * {@code Class.getResourceAsStream} from inside {@code dev.emailconnectors.api}, and a resource in a package of a
     * named module is encapsulated from other modules, so the schema is "missing". Connectors that open the resource
     * inside their own module work. A module listed here may fail only in that way; one not listed must work.
     */
    private static final Set<String> SCHEMA_MAY_BE_ENCAPSULATED = Set.of(
            "dev.emailconnectors.smtp",
            "dev.emailconnectors.http",
            "dev.emailconnectors.builtin",
            "dev.emailconnectors.reliability");

    private Path classes;

    @BeforeAll
    void compile() throws Exception {
        classes = ConsumerApp.compile();
    }

    static Stream<Arguments> connectorModules() {
        return CONNECTORS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    @DisplayName("compiles with javac against the connector-api module alone")
    void compiles() {
        assertThat(classes.resolve("module-info.class")).exists();
        assertThat(ConsumerApp.jars())
                .extracting(p -> p.getFileName().toString())
                .anyMatch(name -> name.startsWith("connector-api-"));
    }

    @Nested
    @DisplayName("with every connector on the module path")
    class Everything {

        @Test
        @DisplayName("finds each connector through provides, in its named module, and sends through one")
        void discoversAll(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
            Path file = dir.resolve("messages.jsonl");
            ConsumerApp.Run run = ConsumerApp.run(classes, List.of(), file.toString());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            List<String> modules = run.starting("provider").stream()
                    .map(l -> l.substring(l.indexOf(' ') + 1))
                    .toList();
            assertThat(modules).containsAll(CONNECTORS.keySet()).doesNotContain("-");
            List<String> failedPackages = run.starting("failed").stream()
                    .peek(l -> assertThat(l).contains("Missing resource"))
                    .map(l -> l.substring(0, l.lastIndexOf('.', l.indexOf(' '))))
                    .toList();
            assertThat(failedPackages)
                    .as("providers that cannot be instantiated (their packages are named like their modules)")
                    .isSubsetOf(SCHEMA_MAY_BE_ENCAPSULATED);
            List<String> working = CONNECTORS.entrySet().stream()
                    .filter(e -> !failedPackages.contains(e.getKey()))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
            assertThat(run.starting("connector"))
                    .extracting(l -> l.substring(0, l.indexOf(' ')))
                    .containsExactlyInAnyOrderElementsOf(working);
            assertThat(run.starting("connector"))
                    .as("an empty configuration is invalid for these, which needs each schema from its module")
                    .anyMatch(l -> l.startsWith("jsonl-file "))
                    .noneMatch(l -> l.endsWith(" 0") && !l.startsWith("builtin"));
            assertThat(run.lines()).contains("sent jsonl-file");
            assertThat(Files.readAllLines(file)).singleElement().asString().contains("246810");
        }

        @Test
        @DisplayName("resolves the Micrometer module next to them")
        void micrometer() throws Exception {
            ConsumerApp.Run run = ConsumerApp.run(classes, List.of("--add-modules", "dev.emailconnectors.micrometer"));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorModules")
    @DisplayName("finds a connector module alone, with only what it requires")
    void alone(String module, List<String> ids) throws Exception {
        ConsumerApp.Run run = ConsumerApp.run(classes, List.of("--limit-modules", ConsumerApp.MODULE + "," + module));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.starting("provider"))
                .as("found through provides, in the named module")
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).endsWith(" " + module));
        if (!run.starting("failed").isEmpty()) {
            assertThat(SCHEMA_MAY_BE_ENCAPSULATED)
                    .as("a module that must work failed: " + run.lines())
                    .contains(module);
            assertThat(run.starting("failed")).allSatisfy(l -> assertThat(l).contains("Missing resource"));
            assertThat(run.starting("connector")).isEmpty();
        } else {
            assertThat(run.starting("failed")).isEmpty();
            assertThat(run.starting("problem")).isEmpty();
            assertThat(run.starting("connector"))
                    .extracting(l -> l.substring(0, l.indexOf(' ')))
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
