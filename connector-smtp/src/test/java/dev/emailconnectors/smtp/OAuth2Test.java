package dev.emailconnectors.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import dev.emailconnectors.Payload;
import dev.emailconnectors.TemplateType;
import dev.emailconnectors.spi.ConnectorContext;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("OAuth2 (XOAUTH2) authentication")
class OAuth2Test {
    private static final String TOKEN = "ya29.token-for-tests";
    private static final String REFRESH = "1//refresh-token-for-tests";
    private static final String CLIENT_SECRET = "client-secret-for-tests";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(TestConfigs.USER, TestConfigs.USER, TOKEN));

    private final MockWebServer tokens = new MockWebServer();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        tokens.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokens.close();
    }

    private void answer(int status, String json) {
        tokens.enqueue(new MockResponse(status, Headers.of("Content-Type", "application/json"), json));
    }

    private ObjectNode refreshing() {
        ObjectNode config = TestConfigs.plain(GREENMAIL.getSmtp().getPort());
        config.putObject("auth")
                .put("type", "oauth2")
                .put("user", TestConfigs.USER)
                .put("clientId", "client-id")
                .put("clientSecret", CLIENT_SECRET)
                .put("refreshToken", REFRESH)
                .put("accessUrl", tokens.url("/token").toString());
        return config;
    }

    private EmailConnector create(ObjectNode config) {
        return TestConfigs.create(
                config, ConnectorContext.builder().clock(clock).build());
    }

    private static void send(EmailConnector c) {
        c.sendMessage(
                TemplateType.SIGN_IN,
                TestConfigs.TO,
                Payload.builder().code("1").build());
    }

    @Test
    @DisplayName("a configured accessToken is sent with XOAUTH2")
    void staticToken() {
        ObjectNode config = TestConfigs.plain(GREENMAIL.getSmtp().getPort());
        config.putObject("auth")
                .put("type", "oauth2")
                .put("user", TestConfigs.USER)
                .put("accessToken", TOKEN);
        try (EmailConnector c = create(config)) {
            send(c);
        }
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
        assertThat(tokens.getRequestCount()).isZero();
    }

    @Test
    @DisplayName("a token is obtained with the refresh token, posted as a form, and cached until it expires")
    void refreshedAndCached() throws InterruptedException {
        answer(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        answer(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
        ObjectNode config = TestConfigs.pool(refreshing(), 1, 1, 30_000); // a new connection (and AUTH) per message
        try (EmailConnector c = create(config)) {
            send(c);
            send(c);
            assertThat(tokens.getRequestCount()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(61));
            send(c);
            assertThat(tokens.getRequestCount()).isEqualTo(2);
        }
        RecordedRequest request = tokens.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8())
                .contains("grant_type=refresh_token", "client_id=client-id", "refresh_token=1%2F%2Frefresh-token");
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    @DisplayName("a configured token past its expires time is refreshed before use")
    void expiredConfiguredToken() {
        answer(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}");
        ObjectNode config = refreshing();
        ((ObjectNode) config.get("auth"))
                .put("accessToken", "stale-token")
                .put("expires", clock.instant().minusSeconds(10).toEpochMilli());
        try (EmailConnector c = create(config)) {
            send(c);
        }
        assertThat(tokens.getRequestCount()).isEqualTo(1);
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    @DisplayName("a token the SMTP server refuses is dropped, so the next connection obtains a new one")
    void refusedTokenReplaced() {
        answer(200, "{\"access_token\":\"revoked-token\",\"expires_in\":3600}");
        answer(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}");
        try (EmailConnector c = create(refreshing())) {
            EmailConnectorException e = catchThrowableOfType(EmailConnectorException.class, () -> send(c));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            send(c);
        }
        assertThat(tokens.getRequestCount()).isEqualTo(2);
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    @DisplayName(
            "a refused refresh token is AUTHENTICATION_FAILED with the endpoint's error, and no secret in the message")
    void refreshRefused() {
        answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
        try (EmailConnector c = create(refreshing())) {
            EmailConnectorException e = catchThrowableOfType(EmailConnectorException.class, () -> send(c));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.providerStatus()).hasValue(400);
            assertThat(e.providerErrorCode()).hasValue("invalid_grant");
            assertThat(e.getMessage()).contains("expired or revoked").doesNotContain(REFRESH, CLIENT_SECRET);
        }
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("a token endpoint answering 503 is PROVIDER_UNAVAILABLE, retryable")
    void endpointDown() {
        answer(503, "{}");
        try (EmailConnector c = create(refreshing())) {
            EmailConnectorException e = catchThrowableOfType(EmailConnectorException.class, () -> send(c));
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    @DisplayName("OAuth2 without a token or the means to get one fails clearly at send time")
    void nothingToAuthenticateWith() {
        ObjectNode config = TestConfigs.plain(GREENMAIL.getSmtp().getPort());
        config.putObject("auth").put("type", "oauth2").put("user", TestConfigs.USER);
        try (EmailConnector c = create(config)) {
            EmailConnectorException e = catchThrowableOfType(EmailConnectorException.class, () -> send(c));
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("auth.accessToken");
        }
    }

    @Test
    @DisplayName("the service-account (private key) variant validates, then answers NOT_IMPLEMENTED")
    void serviceAccount() {
        ObjectNode config = TestConfigs.plain(GREENMAIL.getSmtp().getPort());
        config.putObject("auth")
                .put("type", "OAuth2")
                .put("user", TestConfigs.USER)
                .put("serviceClient", "1234567890")
                .put("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----");
        try (EmailConnector c = create(config)) {
            EmailConnectorException e = catchThrowableOfType(EmailConnectorException.class, () -> send(c));
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
            assertThat(e.getMessage()).contains("service-account");
            EmailConnectorException check = catchThrowableOfType(EmailConnectorException.class, c::checkConnection);
            assertThat(check.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
        }
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
