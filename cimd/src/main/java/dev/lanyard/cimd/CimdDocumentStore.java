package dev.lanyard.cimd;

import java.time.Instant;
import java.util.Optional;

/**
 * A store that all nodes of a cluster share, for {@link SharedCimdDocumentCache}: client identifier URL to validated
 * document JSON and lifetimes. The grants module has a JPA implementation; any key-value store with expiry fits.
 * Implementations must be thread-safe; a failure may be thrown (the resolver then behaves as on a miss).
 */
public interface CimdDocumentStore {

    /** The entry of {@code clientId}, exactly as given (no normalisation), if one is kept. */
    Optional<StoredCimdDocument> get(String clientId);

    /** Keeps an entry, replacing any entry of the same client identifier. */
    void put(StoredCimdDocument document);

    /** Forgets the entry of {@code clientId}, if any. */
    void delete(String clientId);

    /**
     * Deletes the entries no longer usable at {@code now} (past their stale-if-error lifetime).
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant now);
}
