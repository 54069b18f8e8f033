package dev.lanyard.grants.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.StoreCapacityException;

/**
 * Refresh token families in memory, for one node: bounded, expiring. Rotation is an atomic
 * {@link ConcurrentHashMap#computeIfPresent} on the old token.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<String, RefreshTokenRecord> tokens = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most tokens kept (rotated ones included, for reuse detection); when full, tokens of
     *                   expired families are dropped, and if none is, saving fails
     * @param clock      the clock that decides expiry when making room
     */
    public InMemoryRefreshTokenStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** A store of at most 100,000 tokens on the system clock. */
    public InMemoryRefreshTokenStore() {
        this(100_000, Clock.systemUTC());
    }

    @Override
    public void save(RefreshTokenRecord token) {
        makeRoom();
        tokens.put(token.tokenHash(), token);
    }

    private void makeRoom() {
        if (tokens.size() >= maxEntries) {
            purgeExpired(clock.instant());
            if (tokens.size() >= maxEntries) {
                throw new StoreCapacityException("refresh token store");
            }
        }
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public boolean rotate(String oldTokenHash, RefreshTokenRecord successor) {
        makeRoom();
        AtomicBoolean won = new AtomicBoolean();
        tokens.computeIfPresent(oldTokenHash, (k, t) -> {
            if (t.state() != RefreshTokenState.ACTIVE) {
                return t;
            }
            won.set(true);
            return withState(t, RefreshTokenState.ROTATED);
        });
        if (won.get()) {
            tokens.put(successor.tokenHash(), successor);
        }
        return won.get();
    }

    @Override
    public int revokeFamily(String familyId) {
        return revokeWhere(t -> t.familyId().equals(familyId));
    }

    @Override
    public int revokeAll(String subject, String clientId) {
        return revokeWhere(t -> t.subject().equals(subject) && t.clientId().equals(clientId));
    }

    private int revokeWhere(Predicate<RefreshTokenRecord> which) {
        AtomicInteger n = new AtomicInteger();
        tokens.replaceAll((k, t) -> {
            if (t.state() != RefreshTokenState.REVOKED && which.test(t)) {
                n.incrementAndGet();
                return withState(t, RefreshTokenState.REVOKED);
            }
            return t;
        });
        return n.get();
    }

    private static RefreshTokenRecord withState(RefreshTokenRecord t, RefreshTokenState state) {
        return new RefreshTokenRecord(t.tokenHash(), t.familyId(), t.clientId(), t.subject(), t.scope(),
                t.resources(), t.authTime(), t.issuedAt(), t.expiresAt(), t.familyExpiresAt(), state);
    }

    @Override
    public int purgeExpired(Instant before) {
        int n = tokens.size();
        tokens.values().removeIf(t -> t.familyExpiresAt().isBefore(before));
        return n - tokens.size();
    }
}
