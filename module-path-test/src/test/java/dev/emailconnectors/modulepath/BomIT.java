package dev.emailconnectors.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The BOM")
class BomIT {
    private static final Path ROOT = Path.of(System.getProperty("rootDir", ".."));
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    /** Modules that are deployed but are applications rather than libraries, so not in the BOM. */
    private static final List<String> APPLICATIONS = List.of("connector-cli");

    @Test
    @DisplayName("lists every published module of the build, and nothing else")
    void listsEveryPublishedModule() throws Exception {
        List<String> published = new ArrayList<>();
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String pom = Files.readString(ROOT.resolve(modules.group(1)).resolve("pom.xml"));
            boolean deployed = !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
            String artifactId = firstArtifactIdAfterParent(pom);
            if (deployed && !artifactId.equals("connector-bom") && !APPLICATIONS.contains(artifactId)) {
                published.add(artifactId);
            }
        }
        String bom = Files.readString(ROOT.resolve("connector-bom/pom.xml"));
        List<String> listed = new ArrayList<>();
        Matcher artifacts = ARTIFACT.matcher(
                bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>")));
        while (artifacts.find()) {
            listed.add(artifacts.group(1));
        }
        assertThat(published).contains("connector-api", "connector-micrometer", "connector-spring-boot-starter");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    }

    private static String firstArtifactIdAfterParent(String pom) {
        int parentEnd = pom.indexOf("</parent>");
        Matcher m = ARTIFACT.matcher(pom.substring(parentEnd < 0 ? 0 : parentEnd));
        if (!m.find()) {
            throw new IllegalStateException("No artifactId in a module pom");
        }
        return m.group(1);
    }
}
