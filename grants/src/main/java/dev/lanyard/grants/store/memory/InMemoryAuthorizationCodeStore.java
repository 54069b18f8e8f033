package dev.lanyard.grants.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.IssuedTokens;
import dev.lanyard.grants.store.StoreCapacityException;
import dev.lanyard.grants.store.StoredAuthorizationCode;

/**
 * Authorization codes in memory, for one node: bounded, expiring. Consumption is an atomic
 * {@link ConcurrentHashMap#computeIfPresent}.
 */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    private final Map<String, StoredAuthorizationCode> codes = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most codes kept; when full, expired ones are dropped, and if none is, saving fails
     * @param clock      the clock that decides expiry when making room
     */
    public InMemoryAuthorizationCodeStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** A store of at most 100,000 codes on the system clock. */
    public InMemoryAuthorizationCodeStore() {
        this(100_000, Clock.systemUTC());
    }

    @Override
    public void save(StoredAuthorizationCode code) {
        if (codes.size() >= maxEntries) {
            purgeExpired(clock.instant());
            if (codes.size() >= maxEntries) {
                throw new StoreCapacityException("authorization code store");
            }
        }
        codes.put(code.codeHash(), code);
    }

    @Override
    public Optional<StoredAuthorizationCode> find(String codeHash) {
        return Optional.ofNullable(codes.get(codeHash));
    }

    @Override
    public boolean consume(String codeHash, Instant now, Optional<IssuedTokens> issued) {
        AtomicBoolean won = new AtomicBoolean();
        codes.computeIfPresent(codeHash, (k, c) -> {
            if (c.consumed() || c.isExpired(now)) {
                return c;
            }
            won.set(true);
            return c.consume(issued);
        });
        return won.get();
    }

    @Override
    public int purgeExpired(Instant before) {
        int n = codes.size();
        codes.values().removeIf(c -> c.expiresAt().isBefore(before));
        return n - codes.size();
    }
}
