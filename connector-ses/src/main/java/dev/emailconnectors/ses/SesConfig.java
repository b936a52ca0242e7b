package dev.emailconnectors.ses;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A validated SES configuration. Optional text fields that are empty count as absent, as an admin console may store
 * a cleared field as {@code ""}.
 */
record SesConfig(
        Optional<String> accessKeyId,
        Optional<String> accessKeySecret,
        String region,
        Optional<String> emailAddress,
        Optional<String> emailAddressIdentityArn,
        Optional<String> feedbackForwardingEmailAddress,
        Optional<String> feedbackForwardingEmailAddressIdentityArn,
        Optional<String> configurationSetName,
        Optional<URI> endpoint,
        Duration timeout,
        int maxAttempts) {

    static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    static final int DEFAULT_MAX_ATTEMPTS = 3;

    static SesConfig from(JsonNode config) {
        return new SesConfig(
                text(config, "accessKeyId"),
                text(config, "accessKeySecret"),
                config.path("region").asText(),
                text(config, "emailAddress"),
                text(config, "emailAddressIdentityArn"),
                text(config, "feedbackForwardingEmailAddress"),
                text(config, "feedbackForwardingEmailAddressIdentityArn"),
                text(config, "configurationSetName"),
                text(config, "endpoint").map(URI::create),
                Duration.ofMillis(config.path("timeout").asInt(DEFAULT_TIMEOUT_MILLIS)),
                config.path("retry").path("maxAttempts").asInt(DEFAULT_MAX_ATTEMPTS));
    }

    /** @return true when static keys are configured; otherwise the default credentials chain applies */
    boolean staticCredentials() {
        return accessKeyId.isPresent() && accessKeySecret.isPresent();
    }

    static Optional<String> text(JsonNode config, String field) {
        JsonNode v = config.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SesConfig{region=" + region + ", credentials=" + (staticCredentials() ? "static" : "default chain")
                + ", emailAddress=" + emailAddress.orElse("-") + ", configurationSetName="
                + configurationSetName.orElse("-") + ", endpoint="
                + endpoint.map(URI::toString).orElse("-")
                + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + "}";
    }
}
