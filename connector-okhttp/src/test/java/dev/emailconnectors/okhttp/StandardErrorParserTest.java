package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The standard error parser")
class StandardErrorParserTest {
    private static ProviderError parse(String body, String... headers) {
        return ProviderErrorParser.standard().parse(new HttpResponse(400, Headers.of(headers), body));
    }

    @Test
    @DisplayName("reads common JSON shapes")
    void json() {
        assertThat(parse("{\"message\":\"m1\"}").message()).isEqualTo("m1");
        assertThat(parse("{\"Message\":\"m2\",\"ErrorCode\":300}").providerCode())
                .isEqualTo("300");
        assertThat(parse("{\"error\":{\"message\":\"m3\",\"code\":\"E\"}}"))
                .extracting(ProviderError::message, ProviderError::providerCode)
                .containsExactly("m3", "E");
        assertThat(parse("{\"errors\":[{\"message\":\"m4\",\"field\":\"from\"}]}")
                        .message())
                .isEqualTo("m4");
        assertThat(parse("{\"Code\":\"InvalidToEmail\",\"Message\":\"bad\",\"RequestId\":\"R1\"}"))
                .extracting(ProviderError::providerCode, ProviderError::requestId)
                .containsExactly("InvalidToEmail", "R1");
    }

    @Test
    @DisplayName("falls back to the body text and reads request ids from headers")
    void text() {
        ProviderError e = parse("Forbidden", "X-Amzn-RequestId", "abc");
        assertThat(e.message()).isEqualTo("Forbidden");
        assertThat(e.requestId()).isEqualTo("abc");
        assertThat(e.code()).isNull();
        assertThat(parse("").message()).isNull();
    }
}
