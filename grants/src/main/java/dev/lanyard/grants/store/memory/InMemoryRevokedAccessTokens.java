package dev.lanyard.grants.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.StoreCapacityException;

/** Revoked access token ids in memory, for one node: bounded, expiring with the tokens. */
public final class InMemoryRevokedAccessTokens implements RevokedAccessTokens {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most revocations remembered
     * @param clock      the clock that decides expiry
     */
    public InMemoryRevokedAccessTokens(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** At most 100,000 revocations on the system clock. */
    public InMemoryRevokedAccessTokens() {
        this(100_000, Clock.systemUTC());
    }

    @Override
    public void revoke(String jti, Instant expiresAt) {
        if (revoked.size() >= maxEntries) {
            purgeExpired(clock.instant());
            if (revoked.size() >= maxEntries) {
                throw new StoreCapacityException("revoked access token store");
            }
        }
        revoked.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    @Override
    public int purgeExpired(Instant before) {
        int n = revoked.size();
        revoked.values().removeIf(e -> e.isBefore(before));
        return n - revoked.size();
    }
}
