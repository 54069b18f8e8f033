package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens in rotating families, keyed by the SHA-256 of the token.
 *
 * <p>Rotation is one atomic conditional update ({@link #rotate}): of concurrent callers presenting the same token,
 * exactly one wins. Implementations: {@link dev.lanyard.grants.store.memory.InMemoryRefreshTokenStore},
 * {@link dev.lanyard.grants.store.jpa.JpaRefreshTokenStore}.
 */
public interface RefreshTokenStore {

    /**
     * Keeps a new token (the first of a family, or one issued outside rotation).
     *
     * @throws StoreCapacityException when a bounded store is full of live tokens
     */
    void save(RefreshTokenRecord token);

    /** The token with this hash, in whatever state, until it is purged. */
    Optional<RefreshTokenRecord> find(String tokenHash);

    /**
     * Replaces an active token by its successor, atomically: the old token becomes {@link RefreshTokenState#ROTATED}
     * only if it is still {@link RefreshTokenState#ACTIVE}, and only then is the successor kept.
     *
     * @return whether this call rotated it (exactly one concurrent caller gets {@code true})
     */
    boolean rotate(String oldTokenHash, RefreshTokenRecord successor);

    /**
     * Revokes every token of a family.
     *
     * @return how many tokens changed state
     */
    int revokeFamily(String familyId);

    /**
     * Revokes every token of every family of {@code subject} with {@code clientId} (consent withdrawn, logout).
     *
     * @return how many tokens changed state
     */
    int revokeAll(String subject, String clientId);

    /**
     * Deletes tokens whose family expired before {@code before}.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant before);
}
