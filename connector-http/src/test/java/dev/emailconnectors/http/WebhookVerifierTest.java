package dev.emailconnectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Standard Webhooks signing and verification")
class WebhookVerifierTest {
    // The published test vector of the Standard Webhooks reference libraries.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String OTHER = "whsec_"
            + java.util.Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private static WebhookVerifier verifier(Clock clock, String... secrets) {
        WebhookVerifier.Builder b = WebhookVerifier.builder().clock(clock);
        for (String s : secrets) {
            b.secret(s);
        }
        return b.build();
    }

    @Nested
    @DisplayName("the published test vector")
    class Vector {
        @Test
        @DisplayName("is produced by the signer")
        void signer() {
            WebhookSigner signer = WebhookSigner.of(List.of(SECRET));
            assertThat(signer.header(ID, TIMESTAMP, PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(EXPECTED);
        }

        @Test
        @DisplayName("is accepted by the verifier")
        void verifier() {
            assertThatCode(() -> WebhookVerifierTest.verifier(at(TIMESTAMP), SECRET)
                            .verify(ID, String.valueOf(TIMESTAMP), EXPECTED, PAYLOAD))
                    .doesNotThrowAnyException();
        }

        @Test
        @DisplayName("is accepted without the whsec_ prefix, as the reference libraries do")
        void withoutPrefix() {
            assertThatCode(() -> WebhookVerifierTest.verifier(at(TIMESTAMP), SECRET.substring(6))
                            .verify(ID, String.valueOf(TIMESTAMP), EXPECTED, PAYLOAD))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("the verifier")
    class Verifier {
        @Test
        @DisplayName("refuses a changed body, id or timestamp")
        void tampered() {
            WebhookVerifier v = verifier(at(TIMESTAMP), SECRET);
            assertThatThrownBy(() -> v.verify(ID, String.valueOf(TIMESTAMP), EXPECTED, "{\"test\": 2432232315}"))
                    .isInstanceOf(WebhookVerificationException.class)
                    .hasMessageContaining("No webhook-signature matches");
            assertThatThrownBy(() -> v.verify("msg_other", String.valueOf(TIMESTAMP), EXPECTED, PAYLOAD))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> v.verify(ID, String.valueOf(TIMESTAMP + 1), EXPECTED, PAYLOAD))
                    .isInstanceOf(WebhookVerificationException.class);
        }

        @Test
        @DisplayName("refuses a timestamp outside the tolerance, default 5 minutes, either way")
        void tolerance() {
            String ts = String.valueOf(TIMESTAMP);
            assertThatCode(() -> verifier(at(TIMESTAMP + 300), SECRET).verify(ID, ts, EXPECTED, PAYLOAD))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> verifier(at(TIMESTAMP + 301), SECRET).verify(ID, ts, EXPECTED, PAYLOAD))
                    .hasMessageContaining("too old");
            assertThatThrownBy(() -> verifier(at(TIMESTAMP - 301), SECRET).verify(ID, ts, EXPECTED, PAYLOAD))
                    .hasMessageContaining("future");
            WebhookVerifier strict = WebhookVerifier.builder()
                    .secret(SECRET)
                    .clock(at(TIMESTAMP + 31))
                    .tolerance(Duration.ofSeconds(30))
                    .build();
            assertThatThrownBy(() -> strict.verify(ID, ts, EXPECTED, PAYLOAD)).hasMessageContaining("too old");
        }

        @Test
        @DisplayName("accepts any of several secrets and any of several signatures, ignoring other versions")
        void rotation() throws Exception {
            byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
            String both = WebhookSigner.of(List.of(OTHER, SECRET)).header(ID, TIMESTAMP, body);
            assertThat(List.of(both.split(" "))).hasSize(2).last().isEqualTo(EXPECTED);
            verifier(at(TIMESTAMP), SECRET).verify(ID, String.valueOf(TIMESTAMP), both, body);
            verifier(at(TIMESTAMP), OTHER).verify(ID, String.valueOf(TIMESTAMP), both, body);
            verifier(at(TIMESTAMP), "whsec_" + OTHER.substring(10), SECRET)
                    .verify(ID, String.valueOf(TIMESTAMP), "v1a,abcd " + EXPECTED, body);
            assertThatThrownBy(() -> verifier(at(TIMESTAMP), OTHER)
                            .verify(ID, String.valueOf(TIMESTAMP), "v1a,abcd " + EXPECTED, body))
                    .isInstanceOf(WebhookVerificationException.class);
        }

        @Test
        @DisplayName("refuses missing headers, a malformed timestamp and malformed signatures")
        void malformed() {
            WebhookVerifier v = verifier(at(TIMESTAMP), SECRET);
            assertThatThrownBy(() -> v.verify(h -> null, PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining("Missing");
            assertThatThrownBy(() -> v.verify(ID, "yesterday", EXPECTED, PAYLOAD))
                    .hasMessageContaining("timestamp");
            assertThatThrownBy(() -> v.verify(ID, String.valueOf(TIMESTAMP), "v1,%%%", PAYLOAD))
                    .hasMessageContaining("No webhook-signature");
            assertThatThrownBy(() -> v.verify(ID, String.valueOf(TIMESTAMP), "", PAYLOAD))
                    .hasMessageContaining("No webhook-signature");
        }

        @Test
        @DisplayName("needs a secret, and never shows one")
        void secrets() {
            assertThatThrownBy(() -> WebhookVerifier.builder().build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WebhookVerifier.of("whsec_***")).isInstanceOf(IllegalArgumentException.class);
            assertThat(WebhookVerifier.of(SECRET).toString()).doesNotContain(SECRET.substring(6));
        }
    }

    @Test
    @DisplayName("configured secrets must be whsec_ and 24 to 64 bytes")
    void configuredSecretRules() {
        assertThat(WebhookSecret.problem(SECRET)).isNull();
        assertThat(WebhookSecret.problem(OTHER)).isNull();
        assertThat(WebhookSecret.problem(SECRET.substring(6))).contains("whsec_");
        assertThat(WebhookSecret.problem("whsec_c2hvcnQ=")).contains("24 to 64");
    }
}
