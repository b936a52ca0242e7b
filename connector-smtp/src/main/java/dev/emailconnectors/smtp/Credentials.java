package dev.emailconnectors.smtp;

import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;

/** What a new connection authenticates with: the mechanisms, the user and the current password or token. */
final class Credentials {
    private final AuthSettings auth;
    private final OAuth2Tokens tokens;

    Credentials(AuthSettings auth, OAuth2Tokens tokens) {
        this.auth = auth;
        this.tokens = tokens;
    }

    /** @return whether the connector authenticates at all */
    boolean present() {
        return !(auth instanceof AuthSettings.None);
    }

    /** @return the SASL mechanisms to try, in order, for Angus's {@code mail.smtp.auth.mechanisms} */
    String mechanisms() {
        return auth instanceof AuthSettings.OAuth2 ? "XOAUTH2" : "PLAIN LOGIN";
    }

    /** @return the user name, or null without authentication */
    String user() {
        if (auth instanceof AuthSettings.Login) {
            return ((AuthSettings.Login) auth).user();
        }
        if (auth instanceof AuthSettings.OAuth2) {
            return ((AuthSettings.OAuth2) auth).user();
        }
        return null;
    }

    /**
     * Returns the password, or the OAuth2 access token (obtaining a new one if needed).
     *
     * @return the secret, or null without authentication
     * @throws EmailConnectorException when no secret can be had
     */
    String secret() {
        if (auth instanceof AuthSettings.Login) {
            return ((AuthSettings.Login) auth).pass();
        }
        if (auth instanceof AuthSettings.OAuth2) {
            return tokens.current();
        }
        if (auth instanceof AuthSettings.ServiceAccount) {
            throw new EmailConnectorException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "OAuth2 service-account sign-in (auth.serviceClient with auth.privateKey) is not implemented;"
                            + " use auth.accessToken, or auth.clientId, auth.clientSecret and auth.refreshToken");
        }
        return null;
    }

    /**
     * Tells that the server refused a secret; an OAuth2 token is then dropped so the next connection refreshes it.
     *
     * @param secret the refused secret
     */
    void refused(String secret) {
        if (tokens != null) {
            tokens.refused(secret);
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + auth + "]";
    }
}
