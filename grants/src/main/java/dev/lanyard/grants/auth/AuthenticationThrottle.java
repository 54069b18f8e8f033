package dev.lanyard.grants.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows brute force against client credentials ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §2.4.1: the server MUST
 * protect against it; A-031).
 *
 * <p>Policy: failures are counted per {@code client_id} and source; after {@code maxFailures} failures within
 * {@code window}, that pair is refused with HTTP 429 for {@code lockout}, then counting starts again. A success
 * clears the count. Never permanent, and other sources of the same client are not affected. The defaults are 10
 * failures in 60 seconds, then 60 seconds of refusal. State is per node and bounded: when more pairs are tracked than
 * {@code maxTracked}, the stale ones are dropped, then all.
 */
public final class AuthenticationThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int maxTracked;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private record Counter(int failures, Instant windowStart, Instant lockedUntil) {
    }

    /**
     * @param maxFailures failures tolerated within {@code window}
     * @param window      the counting window
     * @param lockout     how long a pair is refused once over the limit
     * @param maxTracked  the most pairs remembered
     * @param clock       the time source
     */
    public AuthenticationThrottle(int maxFailures, Duration window, Duration lockout, int maxTracked, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /** 10 failures in 60 s, then 60 s of refusal; 100,000 pairs tracked. */
    public static AuthenticationThrottle defaults(Clock clock) {
        return new AuthenticationThrottle(10, Duration.ofSeconds(60), Duration.ofSeconds(60), 100_000, clock);
    }

    /**
     * Refuses a pair that is locked out.
     *
     * @throws ThrottledException while it is
     */
    public void check(String clientId, String source) {
        Counter c = counters.get(key(clientId, source));
        Instant now = clock.instant();
        if (c != null && c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, c.lockedUntil()).toSeconds());
            throw new ThrottledException(Duration.ofSeconds(seconds));
        }
    }

    /** Counts a failure. */
    public void failed(String clientId, String source) {
        Instant now = clock.instant();
        if (counters.size() >= maxTracked) {
            counters.values().removeIf(c -> now.isAfter(c.windowStart().plus(window).plus(lockout)));
            if (counters.size() >= maxTracked) {
                counters.clear();
            }
        }
        counters.compute(key(clientId, source), (k, c) -> {
            if (c == null || now.isAfter(c.windowStart().plus(window))
                    || c.lockedUntil() != null && !now.isBefore(c.lockedUntil())) {
                return new Counter(1, now, null);
            }
            int failures = c.failures() + 1;
            return new Counter(failures, c.windowStart(), failures >= maxFailures ? now.plus(lockout) : null);
        });
    }

    /** Clears the count of a pair after a success. */
    public void succeeded(String clientId, String source) {
        counters.remove(key(clientId, source));
    }

    private static String key(String clientId, String source) {
        return source + '\n' + clientId;
    }
}
