package dev.emailconnectors.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keycloak's admin REST API and login pages, as a realm administrator and a user reach them over HTTP. Login pages
 * keep cookies as a browser on {@code http://127.0.0.1} does in Keycloak's dev mode (its cookies are marked
 * {@code Secure}, which the JDK's cookie manager would not send over plain HTTP).
 */
final class KeycloakAdmin {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    KeycloakAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An answer: status, body and the {@code Location} header. */
    record Answer(int status, String body, String location) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String token() {
        Answer answer = form(
                "/realms/master/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        KeycloakServer.ADMIN,
                        "password",
                        KeycloakServer.ADMIN_PASSWORD));
        if (answer.status() != 200) {
            throw new IllegalStateException("No admin token: " + answer);
        }
        return answer.json().path("access_token").asText();
    }

    Answer get(String path) {
        return send(admin(path).GET());
    }

    Answer put(String path, Object body) {
        return send(admin(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    Answer post(String path, Object body) {
        return send(admin(path).header("Content-Type", "application/json").POST(json(body)));
    }

    /** A browser's GET, keeping cookies. */
    Answer browse(String pathOrUrl) {
        return send(browser(pathOrUrl).GET());
    }

    /** A browser's form POST, keeping cookies. */
    Answer form(String pathOrUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(browser(pathOrUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder browser(String pathOrUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl));
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri("/admin" + path)).header("Authorization", "Bearer " + token());
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
