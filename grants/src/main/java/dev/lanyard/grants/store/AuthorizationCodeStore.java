package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Authorization codes, keyed by the SHA-256 of the code.
 *
 * <p>Redemption is one atomic operation ({@link #consume}): a conditional update that only one caller can win, never
 * a read followed by a write in Java. Implementations: {@link dev.lanyard.grants.store.memory.InMemoryAuthorizationCodeStore},
 * {@link dev.lanyard.grants.store.jpa.JpaAuthorizationCodeStore}.
 */
public interface AuthorizationCodeStore {

    /**
     * Keeps a new code.
     *
     * @throws StoreCapacityException when a bounded store is full of live codes
     */
    void save(StoredAuthorizationCode code);

    /** The code with this hash, consumed or not, expired or not, until it is purged. */
    Optional<StoredAuthorizationCode> find(String codeHash);

    /**
     * Marks the code consumed, atomically, if it is not consumed yet and has not expired at {@code now}; records what
     * its redemption issued.
     *
     * @return whether this call consumed it (exactly one concurrent caller gets {@code true})
     */
    boolean consume(String codeHash, Instant now, Optional<IssuedTokens> issued);

    /**
     * Deletes codes that expired before {@code before}. Keep consumed codes a while after expiry so that a late
     * second redemption still finds what to revoke.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant before);
}
