package dev.emailconnectors.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak server distribution, unpacked by the build, started once in dev mode on 127.0.0.1 with the provider
 * jars in {@code providers/}, the email sender selected and a file vault. Its output goes to {@code keycloak.log}.
 */
final class KeycloakServer implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "kc-admin-Pa55";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private KeycloakServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Installs the providers and starts the server; returns when it answers.
     *
     * @param home the unpacked distribution
     * @param javaHome a JDK that this Keycloak supports
     * @param providers the provider jars
     * @param vault the vault directory
     * @param options further {@code kc.sh start-dev} options
     * @return the running server
     */
    static KeycloakServer start(Path home, Path javaHome, List<Path> providers, Path vault, List<String> options)
            throws IOException, InterruptedException {
        Path target = home.resolve("providers");
        for (Path jar : providers) {
            Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        deleteTree(home.resolve("data"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + freePort(),
                "--spi-email-sender--provider=" + EmailConnectorsSenderFactory.ID,
                "--vault=file",
                "--vault-dir=" + vault));
        command.addAll(options);
        Path log = home.resolve("keycloak.log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.remove("JAVA_OPTS");
        KeycloakServer server = new KeycloakServer(builder.start(), log, "http://127.0.0.1:" + port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> answer = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** @return the server's base URL, {@code http://127.0.0.1:PORT} */
    String baseUrl() {
        return baseUrl;
    }

    /** @return everything the server printed so far */
    String log() throws IOException {
        return Files.readString(log);
    }

    private String logTail() throws IOException {
        String text = log();
        return text.substring(Math.max(0, text.length() - 6000));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops the server and every process it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
