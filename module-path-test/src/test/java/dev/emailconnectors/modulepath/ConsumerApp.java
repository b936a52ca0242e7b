package dev.emailconnectors.modulepath;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the consumer application against the module path and runs it in a separate JVM. */
final class ConsumerApp {
    static final Path MODULE_PATH = Path.of(System.getProperty("modulePath", "target/module-path"));
    static final Path SOURCES = Path.of(System.getProperty("appSources", "src/app/java"));
    static final Path WORK = Path.of(System.getProperty("workDir", "target/consumer"));
    static final String MODULE = "org.example.consumer";

    private ConsumerApp() {}

    /** The output of one run. */
    record Run(int exitCode, List<String> lines, String stderr) {
        List<String> starting(String prefix) {
            return lines.stream()
                    .filter(l -> l.startsWith(prefix + " "))
                    .map(l -> l.substring(prefix.length() + 1))
                    .toList();
        }
    }

    /**
     * Compiles {@code src/app} with javac on the module path.
     *
     * @return the compiled module directory
     */
    static Path compile() throws IOException {
        Path classes = WORK.resolve("classes");
        Files.createDirectories(classes);
        List<String> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        List<String> args = new ArrayList<>(List.of(
                "--module-path", MODULE_PATH.toString(), "-d", classes.toString(), "-Xlint:all,-path", "-Werror"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(
                    "javac failed with status " + status + ":\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** @return the jars in the module path directory */
    static List<Path> jars() {
        try (Stream<Path> list = Files.list(MODULE_PATH)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the application.
     *
     * @param classes the compiled application
     * @param javaOptions options before {@code --module}, such as {@code --limit-modules}
     * @param appArgs the application's arguments
     */
    static Run run(Path classes, List<String> javaOptions, String... appArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-Xshare:auto", "--module-path", classes + File.pathSeparator + MODULE_PATH));
        command.addAll(javaOptions);
        command.addAll(List.of("--module", MODULE + "/org.example.consumer.Main"));
        command.addAll(List.of(appArgs));
        Path err = Files.createTempFile(WORK, "stderr", ".txt");
        Process process =
                new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        List<String> lines;
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            lines = reader.lines().collect(Collectors.toList());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The consumer application did not finish: " + command);
        }
        return new Run(process.exitValue(), lines, Files.readString(err));
    }
}
