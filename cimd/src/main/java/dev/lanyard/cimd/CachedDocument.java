package dev.lanyard.cimd;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated document in a {@link CimdDocumentCache}, with its lifetimes.
 *
 * @param document   the validated document
 * @param fetchedAt  when it was fetched
 * @param freshUntil until when it is served without fetching again (its HTTP freshness, clamped to the settings)
 * @param staleUntil until when it may still be served while its host fails (stale-if-error); equal to
 *                   {@code freshUntil} when that is off
 */
public record CachedDocument(ClientIdMetadataDocument document, Instant fetchedAt, Instant freshUntil,
        Instant staleUntil) {

    public CachedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(freshUntil, "freshUntil");
        Objects.requireNonNull(staleUntil, "staleUntil");
        if (freshUntil.isBefore(fetchedAt) || staleUntil.isBefore(freshUntil)) {
            throw new IllegalArgumentException("need fetchedAt <= freshUntil <= staleUntil");
        }
    }

    /** The client identifier URL, the cache key. */
    public String clientId() {
        return document.clientId().value();
    }

    /** Whether the document is fresh at {@code now}. */
    public boolean isFresh(Instant now) {
        return now.isBefore(freshUntil);
    }

    /** Whether the document may still be served at {@code now} when a fetch fails for a transient reason. */
    public boolean isUsableWhenFailing(Instant now) {
        return now.isBefore(staleUntil);
    }
}
