package dev.emailconnectors.spi;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;

/**
 * Where a connector gets OAuth2 access tokens (SMTP XOAUTH2, HTTP APIs with bearer tokens): a fixed token, a refresh
 * token, client credentials, a signed assertion. One source per connector, shared by all its connections and threads.
 *
 * <p>Contract for implementations: {@link #token()} returns the cached token while it is valid (with a margin before
 * its expiry) and obtains a new one otherwise, one refresh at a time; {@link #refused(AccessToken)} drops a token the
 * server refused, so that the next {@link #token()} obtains a new one. Failures are {@link EmailConnectorException}s:
 * {@link ErrorCode#AUTHENTICATION_FAILED} when the token endpoint refuses the credentials,
 * {@link ErrorCode#PROVIDER_UNAVAILABLE}, {@link ErrorCode#TIMEOUT} or {@link ErrorCode#RATE_LIMITED} when it cannot
 * answer. Token values are secrets: never logged, never in a message.
 *
 * <p>Contract for users: call {@link #token()} for every new login (never keep a token longer than its
 * {@link AccessToken#expiresAt()}); when the server refuses it, call {@link #refused(AccessToken)} and, when that
 * returns true, log in once more with a new token.
 */
public interface AccessTokenSource {

    /**
     * Returns a token to use now.
     *
     * @return the token
     * @throws EmailConnectorException when none can be obtained
     */
    AccessToken token();

    /**
     * Tells the source that a server refused a token.
     *
     * @param token the refused token
     * @return true when the next {@link #token()} can return a different token (so one more login may succeed); false
     *     for a fixed token
     */
    default boolean refused(AccessToken token) {
        return false;
    }

    /**
     * Returns a source that always gives the same token (a configured one, which nothing can refresh).
     *
     * @param token the token
     * @return the source
     */
    static AccessTokenSource of(AccessToken token) {
        return () -> token;
    }
}
