package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emailconnectors.ConfigViolation;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Endpoint rules")
class HttpEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(
            strings = {
                "https://api.example.com",
                "https://api.example.com:8443/v3/",
                "http://localhost:8080/hook",
                "http://127.0.0.1/hook",
                "http://127.1.2.3:9000",
                "http://[::1]:9000/x"
            })
    void accepted(String url) {
        assertThat(HttpEndpoint.parse(url).toString()).startsWith(url.substring(0, 8));
        assertThat(HttpEndpoint.check(JSON.createObjectNode().put("endpoint", url), "endpoint"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "http://example.com/hook",
                "http://10.0.0.5/hook",
                "http://128.0.0.1/",
                "ftp://example.com",
                "example.com/hook",
                "https://user:pass@example.com/",
                " "
            })
    void refused(String url) {
        assertThatThrownBy(() -> HttpEndpoint.parse(url)).isInstanceOfSatisfying(EmailConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(e.getMessage()).doesNotContain("pass@");
        });
        assertThat(HttpEndpoint.check(JSON.createObjectNode().put("hook", url), "hook"))
                .extracting(ConfigViolation::path)
                .containsExactly("/hook");
    }

    @Test
    @DisplayName("explains why plain http is refused")
    void explainsHttp() {
        assertThat(HttpEndpoint.check(JSON.createObjectNode().put("endpoint", "http://mail.example.com"), "endpoint"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("https://").contains("localhost"));
    }

    @Test
    @DisplayName("leaves a missing or non-text field to the schema")
    void missingField() {
        assertThat(HttpEndpoint.check(JSON.createObjectNode(), "endpoint")).isEmpty();
        assertThat(HttpEndpoint.check(JSON.createObjectNode().put("endpoint", 5), "endpoint"))
                .isEmpty();
    }

    @Test
    @DisplayName("recognises loopback hosts without resolving them")
    void loopback() {
        assertThat(HttpEndpoint.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(HttpEndpoint.isLoopbackHost("127.255.0.1")).isTrue();
        assertThat(HttpEndpoint.isLoopbackHost("::1")).isTrue();
        assertThat(HttpEndpoint.isLoopbackHost("[::1]")).isTrue();
        assertThat(HttpEndpoint.isLoopbackHost("localhost.example.com")).isFalse();
        assertThat(HttpEndpoint.isLoopbackHost("127.example.com")).isFalse();
        assertThat(HttpEndpoint.isIpLiteral("10.1.2.3")).isTrue();
        assertThat(HttpEndpoint.isIpLiteral("fe80::1")).isTrue();
        assertThat(HttpEndpoint.isIpLiteral("example.com")).isFalse();
    }
}
