package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.spi.ConnectorContext;
import dev.emailconnectors.spi.NetworkPolicy;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The network policy")
class NetworkPolicyTest {
    private static final ConnectorContext PUBLIC_ONLY = ConnectorContext.builder()
            .networkPolicy(NetworkPolicy.publicAddressesOnly())
            .build();

    private final MockServer peer = new MockServer();

    @AfterEach
    void stop() {
        peer.close();
    }

    private static HttpTransport transport(String endpoint, ConnectorContext context) {
        return HttpTransport.builder(
                        "test",
                        new HttpOptions(HttpEndpoint.parse(endpoint), Duration.ofSeconds(5), RetryOptions.defaults()),
                        context)
                .build();
    }

    private static Request post(String url) {
        return new Request.Builder()
                .url(url)
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build();
    }

    @Test
    @DisplayName("allows loopback by default")
    void allowsByDefault() {
        peer.enqueue(200, "ok").enqueue(200, "ok");
        assertThat(transport(peer.url("/"), ConnectorContext.defaults())
                        .execute(post(peer.url("/a")))
                        .status())
                .isEqualTo(200);
        assertThat(transport(peer.localhostUrl("/"), ConnectorContext.defaults())
                        .execute(post(peer.localhostUrl("/b")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("refuses the literal endpoint 127.0.0.1 when the policy forbids loopback")
    void refusesLiteralEndpoint() {
        assertThatThrownBy(() -> transport(peer.url("/"), PUBLIC_ONLY))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.getMessage()).contains("127.0.0.1");
                });
        assertThat(peer.requestCount()).isZero();
    }

    @Test
    @DisplayName("refuses a literal address in a request URL, not only in the endpoint")
    void refusesLiteralRequest() {
        HttpTransport http = transport("https://api.example.com/", PUBLIC_ONLY);
        assertThatThrownBy(() -> http.execute(post(peer.url("/x"))))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
        assertThat(peer.requestCount()).isZero();
    }

    @Test
    @DisplayName("refuses a host name that resolves to 127.0.0.1, after DNS, without connecting or retrying")
    void refusesResolvedLoopback() {
        peer.enqueue(200, "ok");
        HttpTransport http = transport(peer.localhostUrl("/"), PUBLIC_ONLY);
        assertThatThrownBy(() -> http.execute(post(peer.localhostUrl("/x"))))
                .isInstanceOfSatisfying(EmailConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("localhost");
                });
        assertThat(peer.requestCount()).isZero();
    }

    @Test
    @DisplayName("refuses an IPv4-mapped IPv6 loopback literal")
    void refusesMappedLiteral() {
        HttpTransport http = transport("https://api.example.com/", PUBLIC_ONLY);
        assertThatThrownBy(() -> http.execute(post("http://[::ffff:127.0.0.1]:" + peer.server.getPort() + "/")))
                .isInstanceOfSatisfying(
                        EmailConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }
}
