package dev.emailconnectors.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conventions of every module's main sources that the javadoc build does not check on its own (it runs without the
 * {@code missing} group, which would also demand a comment on every record accessor and constant).
 */
@DisplayName("Source conventions")
class SourceConventionsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:abstract|final|sealed|non-sealed|static) )*(?:class|interface|record|enum|@interface) (\\w+)",
            Pattern.MULTILINE);
    private static final Pattern TRAILING_ANNOTATION = Pattern.compile("@[\\w.]+$");

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("every public top-level type has a javadoc comment")
    void publicTypesHaveJavadoc() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Path file : mainSources()) {
            String source = Files.readString(file);
            Matcher m = PUBLIC_TYPE.matcher(source);
            while (m.find()) {
                if (!documented(source.substring(0, m.start()))) {
                    undocumented.add(ROOT.relativize(file) + ": " + m.group(1));
                }
            }
        }
        assertThat(mainSources()).hasSizeGreaterThan(100);
        assertThat(undocumented).isEmpty();
    }

    /** Whether the text before a declaration ends with a javadoc comment, annotations aside. */
    private static boolean documented(String before) {
        String text = before.stripTrailing();
        while (true) {
            if (text.endsWith(")")) {
                int depth = 0;
                int i = text.length() - 1;
                for (; i >= 0; i--) {
                    char c = text.charAt(i);
                    if (c == ')') {
                        depth++;
                    } else if (c == '(' && --depth == 0) {
                        break;
                    }
                }
                if (i < 0) {
                    return false;
                }
                text = text.substring(0, i).stripTrailing();
            }
            Matcher annotation = TRAILING_ANNOTATION.matcher(text);
            if (!annotation.find()) {
                break;
            }
            text = text.substring(0, annotation.start()).stripTrailing();
        }
        int open = text.lastIndexOf("/*");
        return text.endsWith("*/") && open >= 0 && text.startsWith("/**", open);
    }

    @Test
    @DisplayName("every package with main sources has a package-info.java")
    void packagesHavePackageInfo() throws IOException {
        Set<Path> packages = mainSources().stream()
                .map(Path::getParent)
                .filter(p -> !p.endsWith("java"))
                .collect(Collectors.toSet());
        List<Path> without = packages.stream()
                .filter(p -> !Files.exists(p.resolve("package-info.java")))
                .map(ROOT::relativize)
                .collect(Collectors.toList());
        assertThat(packages).hasSizeGreaterThan(15);
        assertThat(without).isEmpty();
    }
}
