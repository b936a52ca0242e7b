package dev.emailconnectors.smtp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The {@code auth} object: none, login, OAuth2 with a token, or an OAuth2 service account (not implemented). */
sealed interface AuthSettings {
    /** Google's token endpoint, nodemailer's default {@code accessUrl}. */
    String DEFAULT_ACCESS_URL = "https://accounts.google.com/o/oauth2/token";

    /** No authentication: a relay that authorizes by address. */
    record None() implements AuthSettings {}

    /**
     * AUTH PLAIN or LOGIN.
     *
     * @param user the user name
     * @param pass the password
     */
    record Login(String user, String pass) implements AuthSettings {
        @Override
        public String toString() {
            return "Login[user=" + user + ", pass=***]";
        }
    }

    /**
     * XOAUTH2 with a given token, refreshed when client credentials and a refresh token are present.
     *
     * @param user the mailbox
     * @param accessToken the configured token, if any
     * @param expires when the configured token expires, if known
     * @param clientId the client id, if any
     * @param clientSecret the client secret, if any
     * @param refreshToken the refresh token, if any
     * @param accessUrl the token endpoint
     */
    record OAuth2(
            String user,
            Optional<String> accessToken,
            Optional<Instant> expires,
            Optional<String> clientId,
            Optional<String> clientSecret,
            Optional<String> refreshToken,
            String accessUrl)
            implements AuthSettings {

        /** @return whether a new token can be obtained */
        boolean canRefresh() {
            return clientId.isPresent() && clientSecret.isPresent() && refreshToken.isPresent();
        }

        @Override
        public String toString() {
            return "OAuth2[user=" + user + ", accessUrl=" + accessUrl + ", secrets=***]";
        }
    }

    /**
     * A service account signing its own token requests with a private key (Google's two-legged OAuth2).
     *
     * @param user the mailbox to act as
     */
    record ServiceAccount(String user) implements AuthSettings {}

    /**
     * Reads the {@code auth} object as nodemailer would: {@code type: oauth2} (or OAuth2 fields) means OAuth2, with a
     * private key a service account; anything else is login, without credentials when user and pass are absent.
     *
     * @param auth the node (missing for none)
     * @return the settings
     */
    static AuthSettings from(JsonNode auth) {
        boolean oauth2 = auth.path("type").asText("").toLowerCase(Locale.ROOT).equals("oauth2");
        if (auth.has("privateKey") || auth.has("serviceClient")) {
            return new ServiceAccount(auth.path("user").asText(""));
        }
        for (String field : new String[] {"accessToken", "clientId", "clientSecret", "refreshToken", "accessUrl"}) {
            oauth2 |= auth.has(field);
        }
        if (oauth2) {
            JsonNode expires = auth.path("expires");
            return new OAuth2(
                    auth.path("user").asText(""),
                    SmtpSettings.text(auth, "accessToken"),
                    expires.isNumber() ? Optional.of(Instant.ofEpochMilli(expires.asLong())) : Optional.empty(),
                    SmtpSettings.text(auth, "clientId"),
                    SmtpSettings.text(auth, "clientSecret"),
                    SmtpSettings.text(auth, "refreshToken"),
                    SmtpSettings.text(auth, "accessUrl").orElse(DEFAULT_ACCESS_URL));
        }
        boolean hasUser =
                auth.path("user").isTextual() && !auth.path("user").asText().isEmpty();
        boolean hasPass = auth.path("pass").isTextual();
        if (!hasUser && !hasPass) {
            return new None();
        }
        return new Login(auth.path("user").asText(""), auth.path("pass").asText(""));
    }
}
