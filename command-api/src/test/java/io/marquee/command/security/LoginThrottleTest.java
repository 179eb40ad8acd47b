package io.marquee.command.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    static final LoginProperties LIMITS = new LoginProperties(3, 5, Duration.ofMinutes(15));

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void an_email_is_throttled_once_it_has_used_up_its_failures() {
        // given three failures for one email
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ada@acme.example", "10.0.0." + i);
        }

        // when it is tried again, then it must wait for the end of the window
        assertThatThrownBy(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.9"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(15 * 60));
    }

    @Test
    void fewer_failures_than_the_limit_are_not_throttled() {
        throttle.recordFailure("ada@acme.example", "10.0.0.1");
        throttle.recordFailure("ada@acme.example", "10.0.0.1");

        assertThatCode(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void an_address_is_throttled_after_failures_for_many_emails() {
        // given five failures from one address, each for another email
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i + "@acme.example", "10.0.0.1");
        }

        // then a sixth email from that address waits, and the same email from elsewhere does not
        assertThatThrownBy(() -> throttle.requireAllowed("new@acme.example", "10.0.0.1"))
                .isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> throttle.requireAllowed("new@acme.example", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void the_wait_shrinks_as_the_window_passes_and_ends_with_it() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ada@acme.example", "10.0.0.1");
        }

        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.1"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(5 * 60));

        clock.advance(Duration.ofMinutes(5));
        assertThatCode(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void a_failure_after_the_window_starts_a_new_count() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ada@acme.example", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15));

        throttle.recordFailure("ada@acme.example", "10.0.0.1");

        assertThatCode(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void a_successful_login_clears_its_emails_count_but_not_its_addresss() {
        for (int i = 0; i < 2; i++) {
            throttle.recordFailure("ada@acme.example", "10.0.0.1");
        }
        throttle.recordSuccess("ada@acme.example");
        throttle.recordFailure("ada@acme.example", "10.0.0.1");
        throttle.recordFailure("ada@acme.example", "10.0.0.1");

        assertThatCode(() -> throttle.requireAllowed("ada@acme.example", "10.0.0.2")).doesNotThrowAnyException();
        throttle.recordFailure("eve@acme.example", "10.0.0.1");
        assertThatThrownBy(() -> throttle.requireAllowed("bob@acme.example", "10.0.0.1"))
                .as("the address has five failures in all")
                .isInstanceOf(LoginThrottledException.class);
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
