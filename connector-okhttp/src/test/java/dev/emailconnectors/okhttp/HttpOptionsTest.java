package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.ConnectorCatalog;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.EmailConnectors;
import dev.emailconnectors.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The common options")
class HttpOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConnectorCatalog CATALOG = EmailConnectors.discover();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> violations(String config) {
        return CATALOG.validate("okhttp-options-test", json(config)).violations().stream()
                .map(ConfigViolation::path)
                .toList();
    }

    @Test
    @DisplayName("take their defaults: 10 s timeout, 3 attempts, 200 ms to 2 s backoff, Retry-After up to 10 s")
    void defaults() {
        HttpOptions o = HttpOptions.from(json("{'endpoint':'https://api.example.com/v1'}"), null);
        assertThat(o.endpoint().toString()).isEqualTo("https://api.example.com/v1");
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.retry()).isEqualTo(RetryOptions.defaults());
        assertThat(o.retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("read endpoint, timeout and retry, falling back to the provider's default endpoint")
    void read() {
        HttpOptions o = HttpOptions.from(
                json("{'timeout':2500,'retry':{'maxAttempts':5,'initialDelay':50,'maxDelay':400,'maxRetryAfter':0}}"),
                "https://api.example.eu");
        assertThat(o.endpoint().host()).isEqualTo("api.example.eu");
        assertThat(o.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.retry())
                .isEqualTo(new RetryOptions(5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ZERO));
    }

    @Test
    @DisplayName("refuse a missing endpoint when the provider has no default")
    void missingEndpoint() {
        assertThatThrownBy(() -> HttpOptions.from(json("{}"), null))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    @Test
    @DisplayName("validate through the schema snippets, every problem with its JSON Pointer")
    void schemaSnippets() {
        assertThat(violations("{'endpoint':'https://api.example.com','timeout':5000,'retry':{'maxAttempts':1}}"))
                .isEmpty();
        assertThat(
                        violations(
                                "{'endpoint':'http://api.example.com','timeout':0,'retry':{'maxAttempts':0,'jitter':true,'initialDelay':900,'maxDelay':100}}"))
                .contains("/endpoint", "/timeout", "/retry/maxAttempts", "/retry/jitter", "/retry/maxDelay");
        assertThat(violations("{'timeout':'fast'}")).contains("/endpoint", "/timeout");
    }
}
