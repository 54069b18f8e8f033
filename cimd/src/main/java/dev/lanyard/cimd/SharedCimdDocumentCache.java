package dev.lanyard.cimd;

import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.error.Parsed;

/**
 * A {@link CimdDocumentCache} over a {@link CimdDocumentStore} that every node shares: a document one node fetched is
 * served by all, within its lifetime, without fetching again (draft §5.2 caching, across a cluster).
 *
 * <p>Only what the resolver puts is stored: validated documents, never errors. What is read back is validated again
 * with the server's rules (the store is outside this process: a row that no longer passes is dropped and fetched
 * anew). An entry past its stale-if-error lifetime is a miss.
 */
public final class SharedCimdDocumentCache implements CimdDocumentCache {

    private final CimdDocumentStore store;
    private final CimdValidator validator;
    private final InstantSource clock;

    /**
     * @param store     the shared store
     * @param validator the document rules of this server (the same as the resolver's)
     * @param clock     the clock lifetimes are read on
     */
    public SharedCimdDocumentCache(CimdDocumentStore store, CimdValidator validator, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<CachedDocument> get(String clientId) {
        Optional<StoredCimdDocument> stored = store.get(clientId);
        if (stored.isEmpty() || !clock.instant().isBefore(stored.get().staleUntil())) {
            return Optional.empty();
        }
        StoredCimdDocument s = stored.get();
        if (!ClientIdUrl.isValid(clientId)
                || !(validator.validate(ClientIdUrl.parse(clientId), s.json())
                        instanceof Parsed.Ok<ClientIdMetadataDocument> ok)) {
            store.delete(clientId);
            return Optional.empty();
        }
        try {
            return Optional.of(new CachedDocument(ok.value(), s.fetchedAt(), s.freshUntil(), s.staleUntil()));
        } catch (IllegalArgumentException e) {
            store.delete(clientId); // inconsistent lifetimes: not an entry this cache wrote
            return Optional.empty();
        }
    }

    @Override
    public void put(CachedDocument entry) {
        store.put(StoredCimdDocument.of(entry));
    }

    @Override
    public void invalidate(String clientId) {
        store.delete(clientId);
    }

    @Override
    public int purgeExpired() {
        return store.purgeExpired(clock.instant());
    }
}
