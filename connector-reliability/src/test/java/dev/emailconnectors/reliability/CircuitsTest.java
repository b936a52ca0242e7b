package dev.emailconnectors.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emailconnectors.SendResult;
import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The wait reported for a circuit that refused a send")
class CircuitsTest {
    private static CircuitBreaker<SendResult> breaker(Duration delay) {
        return CircuitBreaker.<SendResult>builder().withDelay(delay).build();
    }

    @Test
    @DisplayName("an open circuit: the rest of its delay")
    void open() {
        CircuitBreaker<SendResult> b = breaker(Duration.ofSeconds(30));
        b.open();
        assertThat(b.tryAcquirePermit()).isFalse();
        assertThat(Circuits.untilAvailable(b))
                .isGreaterThan(Duration.ofSeconds(29))
                .isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("a half-open circuit whose probe is taken: one second, or its delay when shorter; never zero")
    void probing() {
        CircuitBreaker<SendResult> b = breaker(Duration.ofSeconds(30));
        b.halfOpen();
        assertThat(b.tryAcquirePermit()).isTrue();
        assertThat(b.tryAcquirePermit()).isFalse();
        assertThat(b.getRemainingDelay()).isZero(); // what was reported before: "retry after: PT0S"
        assertThat(Circuits.untilAvailable(b)).isEqualTo(Duration.ofSeconds(1));

        CircuitBreaker<SendResult> quick = breaker(Duration.ofMillis(200));
        quick.halfOpen();
        quick.tryAcquirePermit();
        assertThat(Circuits.untilAvailable(quick)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("an open circuit about to half-open: at least the minimum wait, so a follower never spins")
    void almostDue() {
        CircuitBreaker<SendResult> b = breaker(Duration.ofMillis(5));
        b.open();
        assertThat(Circuits.untilAvailable(b)).isEqualTo(Circuits.MIN_WAIT);
    }
}
