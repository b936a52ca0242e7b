package dev.emailconnectors.okhttp;

import dev.emailconnectors.EmailConnectorException;
import java.net.UnknownHostException;

/**
 * Carries a network-policy refusal through OkHttp, which expects DNS failures as {@link UnknownHostException}s; the
 * transport unwraps it into the original {@link EmailConnectorException}.
 */
final class PolicyViolation extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    private final transient EmailConnectorException violation;

    PolicyViolation(EmailConnectorException violation) {
        super(violation.detail());
        this.violation = violation;
    }

    EmailConnectorException violation() {
        return violation;
    }
}
