package dev.emailconnectors.builtin;

import dev.emailconnectors.SendResult;
import dev.emailconnectors.spi.EmailSender;
import dev.emailconnectors.spi.OutboundMessage;
import java.time.Clock;
import java.time.Instant;

/** Applies the operator's per-tenant usage limit in front of the delivering sender. */
final class LimitedSender implements EmailSender {
    private final EmailSender delegate;
    private final String tenantId;
    private final UsageLimit limit;
    private final Clock clock;

    LimitedSender(EmailSender delegate, String tenantId, UsageLimit limit, Clock clock) {
        this.delegate = delegate;
        this.tenantId = tenantId;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        Instant reservation = UsageLimiter.acquire(tenantId, limit, clock.instant());
        boolean accepted = false;
        try {
            SendResult result = delegate.send(message);
            accepted = true;
            return result;
        } finally {
            if (!accepted) {
                UsageLimiter.release(tenantId, reservation);
            }
        }
    }

    @Override
    public boolean supportsConnectionCheck() {
        return delegate.supportsConnectionCheck();
    }

    @Override
    public void checkConnection() {
        delegate.checkConnection();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
