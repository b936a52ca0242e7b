package dev.emailconnectors.reliability;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;

/** How long a failover member whose circuit refused a send stays unavailable. */
final class Circuits {
    /**
     * The wait for a circuit that is being probed: the probe's answer arrives within one send, and a failed probe
     * reopens the circuit for its full delay, which the next caller then sees.
     */
    static final Duration PROBE_WAIT = Duration.ofSeconds(1);

    /** The shortest wait reported, so that a caller following it never retries in a busy loop. */
    static final Duration MIN_WAIT = Duration.ofMillis(10);

    private Circuits() {}

    /**
     * Tells how long until a circuit that just refused a permit may let a send through: the rest of its delay while
     * it is open, or {@link #PROBE_WAIT} (at most its delay) while it is half-open and its probes are taken.
     *
     * @param breaker a circuit that refused a permit
     * @return a positive duration
     */
    static Duration untilAvailable(CircuitBreaker<?> breaker) {
        Duration wait;
        if (breaker.isOpen()) {
            wait = breaker.getRemainingDelay();
        } else {
            Duration delay = breaker.getConfig().getDelay();
            wait = delay.compareTo(PROBE_WAIT) < 0 ? delay : PROBE_WAIT;
        }
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }
}
