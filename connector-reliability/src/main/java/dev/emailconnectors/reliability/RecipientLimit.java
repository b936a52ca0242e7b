package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailAddress;
import dev.emailconnectors.EmailConnectorException;
import dev.emailconnectors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** At most {@code messages} per sliding {@code period} to one address, counted in the store; fails fast beyond. */
final class RecipientLimit {
    private final ReliabilityStore store;
    private final Clock clock;
    private final String tenant;
    private final int messages;
    private final Duration period;

    RecipientLimit(ReliabilityStore store, Clock clock, String tenant, int messages, Duration period) {
        this.store = store;
        this.clock = clock;
        this.tenant = tenant;
        this.messages = messages;
        this.period = period;
    }

    /**
     * Counts one message to a recipient.
     *
     * @param to the recipient
     * @throws EmailConnectorException with {@link ErrorCode#RATE_LIMITED} and a retry-after when the limit is reached
     */
    void acquire(EmailAddress to) {
        String key = Keys.of(tenant, "recipient", to.toAscii().toLowerCase(Locale.ROOT));
        store.tryAcquire(key, clock.instant(), messages, period).ifPresent(wait -> {
            throw EmailConnectorException.builder(
                            ErrorCode.RATE_LIMITED,
                            "This recipient already got " + messages + " message(s) within " + period
                                    + "; nothing was sent")
                    .retryAfter(wait)
                    .build();
        });
    }
}
