package dev.emailconnectors.integration;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Behaviours of other modules that a suite found wrong and that are not fixed yet. A check listed here still runs: if
 * it passes (the gap was fixed) the test passes; if it fails, the test is reported as aborted with the reason, so the
 * gap stays visible in every build instead of failing it.
 */
final class KnownGaps {
    private static final Map<String, String> GAPS = Map.of(
            "ses/408 Request Timeout",
                    "connector-ses classifies HTTP 408 as PROVIDER_REJECTED; the shared rule (and okhttp's) is"
                            + " PROVIDER_UNAVAILABLE, retryable",
            "failover/unknown member id",
                    "connector-api redacts a nested configuration only with its connector's schema; when the member's"
                            + " id is unknown (a typo) its secret fields that no well-known name covers (such as the"
                            + " webhook's header values) stay in clear",
            "okhttp/2xx with a truncated body",
                    "connector-okhttp reports a 2xx answer whose body breaks off as PROVIDER_UNAVAILABLE (retryable),"
                            + " so a failover or retry layer sends an accepted message again");

    /** The connectors built on connector-okhttp, which share its behaviour. */
    private static final java.util.Set<String> OKHTTP =
            java.util.Set.of("http", "sendgrid", "mailgun", "postmark", "aliyun");

    private static final String DERIVED_CREDENTIALS = "errors are scrubbed of the configured secret values, not of"
            + " credentials derived from them: a server text echoing SMTP AUTH PLAIN or a Basic Authorization header"
            + " (Mailgun) keeps the password or API key in base64";

    private KnownGaps() {}

    /**
     * Runs a check; a failure of a listed gap aborts the test with its reason instead of failing it.
     *
     * @param connector the connector id, or a composite's description such as {@code failover(smtp, mailgun)}
     * @param fault the fault or input name
     * @param check the assertions
     */
    static void check(String connector, String fault, Runnable check) {
        String reason = GAPS.get(connector + "/" + fault);
        if (reason == null && OKHTTP.contains(connector)) {
            reason = GAPS.get("okhttp/" + fault);
        }
        if (reason == null
                && fault.equals("PROVIDER_ERROR_ECHOING_THE_SECRET")
                && (connector.contains("smtp") || connector.contains("mailgun"))) {
            reason = DERIVED_CREDENTIALS;
        }
        if (reason == null) {
            check.run();
            return;
        }
        try {
            check.run();
        } catch (AssertionError e) {
            Assumptions.abort("Known gap: " + reason + " (" + e.getMessage().strip() + ")");
        }
    }
}
