package dev.lanyard.grants.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.MutableClock;

class AuthenticationThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AuthenticationThrottle throttle = AuthenticationThrottle.defaults(clock);

    @Test
    void checkWhenTenFailuresInWindowThenLockedForSixtySeconds() {
        // documented policy: 10 failures in 60 s, then 429 for 60 s; never permanent
        for (int i = 0; i < 9; i++) {
            throttle.failed("conf1", "ip");
        }
        assertThatCode(() -> throttle.check("conf1", "ip")).doesNotThrowAnyException();
        throttle.failed("conf1", "ip");
        assertThatThrownBy(() -> throttle.check("conf1", "ip")).isInstanceOfSatisfying(ThrottledException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        assertThatCode(() -> throttle.check("conf1", "ip")).doesNotThrowAnyException();
    }

    @Test
    void checkWhenFailuresSpreadBeyondWindowThenNotLocked() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("conf1", "ip");
            clock.advance(Duration.ofSeconds(7));
        }
        assertThatCode(() -> throttle.check("conf1", "ip")).doesNotThrowAnyException();
    }

    @Test
    void succeededWhenCalledThenCountCleared() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("conf1", "ip");
        }
        throttle.succeeded("conf1", "ip");
        throttle.failed("conf1", "ip");
        assertThatCode(() -> throttle.check("conf1", "ip")).doesNotThrowAnyException();
    }

    @Test
    void failedWhenManyPairsThenBounded() {
        AuthenticationThrottle small = new AuthenticationThrottle(10, Duration.ofSeconds(60), Duration.ofSeconds(60),
                100, clock);
        for (int i = 0; i < 1000; i++) {
            small.failed("client-" + i, "ip");
        }
        assertThatCode(() -> small.check("client-999", "ip")).doesNotThrowAnyException();
    }
}
