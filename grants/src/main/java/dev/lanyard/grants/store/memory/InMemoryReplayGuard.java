package dev.lanyard.grants.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.StoreCapacityException;

/**
 * A replay guard in memory, for one node: bounded, expiring, fail-closed. The check is an atomic
 * {@link ConcurrentHashMap#putIfAbsent}. When full of live entries it refuses new ones rather than forgetting one.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most identifiers remembered
     * @param clock      the clock that decides expiry
     */
    public InMemoryReplayGuard(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** A guard of at most 100,000 identifiers on the system clock. */
    public InMemoryReplayGuard() {
        this(100_000, Clock.systemUTC());
    }

    @Override
    public boolean firstUse(String key, Instant expiresAt) {
        Instant now = clock.instant();
        if (seen.size() >= maxEntries) {
            purgeExpired(now);
            if (seen.size() >= maxEntries) {
                throw new StoreCapacityException("replay guard");
            }
        }
        Instant previous = seen.putIfAbsent(key, expiresAt);
        if (previous == null) {
            return true;
        }
        // an entry that expired but was not purged yet: its JWT would be refused for its exp anyway
        return previous.isBefore(now) && seen.replace(key, previous, expiresAt);
    }

    @Override
    public int purgeExpired(Instant before) {
        int n = seen.size();
        seen.values().removeIf(e -> e.isBefore(before));
        return n - seen.size();
    }
}
