package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.NetworkPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An OAuth2 token endpoint, asked for an access token with a refresh token ({@code grant_type=refresh_token}, client
 * credentials in the form, as nodemailer does). Uses {@link HttpURLConnection}: no client threads to manage.
 */
final class TokenEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final NetworkPolicy policy;
    private final SmtpSettings.Timeouts timeouts;

    TokenEndpoint(NetworkPolicy policy, SmtpSettings.Timeouts timeouts) {
        this.policy = policy;
        this.timeouts = timeouts;
    }

    /**
     * A token from the endpoint.
     *
     * @param accessToken the token
     * @param expiresIn its lifetime, when the endpoint said
     */
    record Token(String accessToken, Optional<Duration> expiresIn) {
        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    Token refresh(AuthSettings.OAuth2 auth) {
        URI uri = URI.create(auth.accessUrl().trim());
        policy.resolve(uri.getHost());
        String form = "client_id=" + enc(auth.clientId().orElseThrow()) + "&client_secret="
                + enc(auth.clientSecret().orElseThrow()) + "&refresh_token="
                + enc(auth.refreshToken().orElseThrow())
                + "&grant_type=refresh_token";
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) uri.toURL().openConnection();
            http.setConnectTimeout((int) timeouts.connect().toMillis());
            http.setReadTimeout((int) timeouts.socket().toMillis());
            http.setInstanceFollowRedirects(false);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            http.setRequestProperty("Accept", "application/json");
            try (OutputStream out = http.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
            int status = http.getResponseCode();
            JsonNode body = read(status < 400 ? http.getInputStream() : http.getErrorStream());
            return answer(status, body, uri.getHost());
        } catch (SocketTimeoutException e) {
            throw new EmailConnectorException(
                    ErrorCode.TIMEOUT, "The OAuth2 token endpoint " + uri.getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw new EmailConnectorException(
                    ErrorCode.PROVIDER_UNAVAILABLE,
                    "Could not reach the OAuth2 token endpoint " + uri.getHost() + ": " + e.getMessage(),
                    e);
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
    }

    private static Token answer(int status, JsonNode body, String host) {
        if (status == 200 && body.path("access_token").isTextual()) {
            JsonNode expires = body.path("expires_in");
            Optional<Duration> life = expires.canConvertToLong() || expires.isTextual()
                    ? Optional.of(Duration.ofSeconds(expires.asLong())).filter(d -> !d.isZero())
                    : Optional.empty();
            return new Token(body.get("access_token").asText(), life);
        }
        String error = body.path("error").asText(null);
        String description = body.path("error_description").asText("");
        String said =
                error == null ? "HTTP " + status : error + (description.isEmpty() ? "" : " (" + description + ")");
        ErrorCode code = status == 429
                ? ErrorCode.RATE_LIMITED
                : status >= 500
                        ? ErrorCode.PROVIDER_UNAVAILABLE
                        : status >= 400 ? ErrorCode.AUTHENTICATION_FAILED : ErrorCode.INVALID_RESPONSE;
        String message = code == ErrorCode.INVALID_RESPONSE
                ? "The OAuth2 token endpoint " + host + " answered without an access token"
                : "The OAuth2 token endpoint " + host + " refused to issue an access token: " + said;
        return fail(EmailConnectorException.builder(code, message)
                .providerStatus(status)
                .providerErrorCode(error));
    }

    private static Token fail(EmailConnectorException.Builder b) {
        throw b.build();
    }

    private static JsonNode read(InputStream in) throws IOException {
        if (in == null) {
            return JSON.createObjectNode();
        }
        try (InputStream body = in) {
            byte[] bytes = body.readNBytes(MAX_BODY);
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
