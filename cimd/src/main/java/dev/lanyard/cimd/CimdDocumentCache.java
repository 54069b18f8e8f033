package dev.lanyard.cimd;

import java.util.Optional;

/**
 * Where {@link CimdResolver} keeps validated documents: an SPI, so that the cache can live in the store and every node
 * of a cluster shares it. {@link InMemoryCimdDocumentCache} is the default for one node.
 *
 * <p>Only validated documents are ever put (draft §5.2: errors, invalid and malformed documents are never cached).
 * {@link #get(String)} may return an entry that is no longer fresh; the resolver checks the lifetimes. A shared
 * implementation stores {@link ClientIdMetadataDocument#toJson()} with the three instants, and reads it back with
 * {@link CimdValidator#validate(ClientIdUrl, String)} (the document passes again: it was valid when stored).
 * Implementations must be thread-safe; a failure should behave as a miss (the resolver then fetches).
 */
public interface CimdDocumentCache {

    /** The entry for a client identifier URL, exactly as given (no normalisation), if one is kept. */
    Optional<CachedDocument> get(String clientId);

    /** Keeps an entry, replacing any entry of the same client identifier. */
    void put(CachedDocument entry);

    /** Forgets the entry of a client identifier, if any (its document was removed or became invalid). */
    void invalidate(String clientId);

    /**
     * Deletes the entries past their stale-if-error lifetime, for a periodic purge; a cache that drops them by itself
     * does nothing.
     *
     * @return how many were deleted
     */
    default int purgeExpired() {
        return 0;
    }
}
