package dev.emailconnectors.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Retry-After")
class RetryAfterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("reads delta-seconds")
    void seconds() {
        assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(" 120 ", CLOCK)).contains(Duration.ofMinutes(2));
    }

    @Test
    @DisplayName("reads an HTTP date relative to the clock, a past date meaning now")
    void date() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 12:01:00 GMT", CLOCK)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 11:00:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    @DisplayName("ignores absent and malformed values")
    void malformed() {
        assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("-5", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", CLOCK)).isEmpty();
    }
}
