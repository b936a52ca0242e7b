package dev.emailconnectors.builtin;

import java.time.Duration;

/**
 * The operator's per-tenant quota: at most {@code messages} accepted messages in any window of {@code period}.
 *
 * @param messages the number of messages allowed per window
 * @param period the window length
 */
record UsageLimit(int messages, Duration period) {

    /** Checks that both are positive. */
    UsageLimit {
        if (messages <= 0 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A usage limit needs a positive number of messages and period");
        }
    }

    @Override
    public String toString() {
        return messages + " messages per " + period;
    }
}
