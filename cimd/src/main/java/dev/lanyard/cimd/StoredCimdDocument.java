package dev.lanyard.cimd;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated document as a shared {@link CimdDocumentStore} keeps it: its JSON text and its lifetimes, nothing a
 * store must understand.
 *
 * @param clientId   the client identifier URL, exactly as resolved (the key)
 * @param json       the document ({@link ClientIdMetadataDocument#toJson()}), validated when stored
 * @param fetchedAt  when it was fetched
 * @param freshUntil until when it is served without fetching
 * @param staleUntil until when it may be served while its host fails; the entry is useless afterwards
 */
public record StoredCimdDocument(String clientId, String json, Instant fetchedAt, Instant freshUntil,
        Instant staleUntil) {

    public StoredCimdDocument {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(freshUntil, "freshUntil");
        Objects.requireNonNull(staleUntil, "staleUntil");
    }

    /** The stored form of a cache entry. */
    public static StoredCimdDocument of(CachedDocument entry) {
        return new StoredCimdDocument(entry.clientId(), entry.document().toJson().toString(), entry.fetchedAt(),
                entry.freshUntil(), entry.staleUntil());
    }

    /** {@code StoredCimdDocument[<client_id>, fresh until ...]}: never the document. */
    @Override
    public String toString() {
        return "StoredCimdDocument[" + clientId + ", fresh until " + freshUntil + "]";
    }
}
