package dev.lanyard.grants.store;

import java.time.Instant;

/**
 * Remembers one-time identifiers (the {@code jti} of client assertions and JWT grants) until they expire, so that a
 * second use is detected. The check is one atomic insert under a unique key.
 */
public interface ReplayGuard {

    /**
     * Records {@code key} until {@code expiresAt}, atomically.
     *
     * @param key       a namespaced identifier, for example {@code client_id} and {@code jti}; at most 512 characters
     * @param expiresAt when the identifier can be forgotten (the expiry of the JWT that carried it)
     * @return {@code true} for the first use, {@code false} for a replay
     * @throws StoreCapacityException when a bounded guard is full of live entries (fail closed)
     */
    boolean firstUse(String key, Instant expiresAt);

    /**
     * Forgets identifiers that expired before {@code before}.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant before);
}
