package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The XOAUTH2 access token: the configured one while it is valid, else one obtained with the refresh token from the
 * token endpoint and cached until shortly before it expires. Thread-safe; one refresh at a time.
 */
final class OAuth2Tokens {
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private final AuthSettings.OAuth2 auth;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final ProtocolLog log;
    private String token;
    private Instant refreshAt;

    OAuth2Tokens(AuthSettings.OAuth2 auth, TokenEndpoint endpoint, Clock clock, ProtocolLog log) {
        this.auth = auth;
        this.endpoint = endpoint;
        this.clock = clock;
        this.log = log;
        this.token = auth.accessToken().orElse(null);
        this.refreshAt = auth.expires().map(e -> e.minus(MAX_MARGIN)).orElse(null);
    }

    /**
     * Returns a token to authenticate with now.
     *
     * @return the access token
     * @throws EmailConnectorException when none is configured and none can be obtained
     */
    synchronized String current() {
        boolean valid = token != null && (refreshAt == null || clock.instant().isBefore(refreshAt));
        if (valid) {
            return token;
        }
        if (auth.canRefresh()) {
            TokenEndpoint.Token fresh = endpoint.refresh(auth);
            Instant now = clock.instant();
            token = fresh.accessToken();
            refreshAt = fresh.expiresIn()
                    .map(life -> now.plus(life).minus(margin(life)))
                    .orElse(null);
            log.event(
                    "obtained a new OAuth2 access token for XOAUTH2{}",
                    fresh.expiresIn()
                            .map(l -> ", valid for " + l.toSeconds() + " s")
                            .orElse(""));
            return token;
        }
        if (token != null) {
            return token; // past its configured expiry, but nothing can replace it: let the server decide
        }
        throw new EmailConnectorException(
                ErrorCode.AUTHENTICATION_FAILED,
                "OAuth2 authentication needs auth.accessToken, or auth.clientId, auth.clientSecret and"
                        + " auth.refreshToken to obtain one");
    }

    /**
     * Forgets a token the server refused, so the next connection obtains a new one (when it can).
     *
     * @param refused the token that was refused
     */
    synchronized void refused(String refused) {
        if (auth.canRefresh() && refused != null && refused.equals(token)) {
            token = null;
            refreshAt = null;
        }
    }

    private static Duration margin(Duration lifetime) {
        Duration half = lifetime.dividedBy(2);
        return half.compareTo(MAX_MARGIN) < 0 ? half : MAX_MARGIN;
    }
}
