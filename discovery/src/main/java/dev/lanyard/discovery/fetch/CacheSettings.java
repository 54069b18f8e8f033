package dev.lanyard.discovery.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of a {@link FetchCache}.
 *
 * <p>Freshness comes from the answer's {@code Cache-Control: max-age} (less {@code Age}), else {@code Expires}
 * (against {@code Date}), else {@code defaultTtl}; a positive lifetime is clamped to {@code [minTtl, maxTtl]}.
 * {@code no-store}, {@code no-cache}, {@code private}, {@code max-age=0} or an expired {@code Expires} mean the answer
 * is not stored at all (the minimum does not apply to them). Errors and invalid documents are never stored: only what
 * a loader returns is.
 *
 * @param maxEntries the most entries kept; the least useful are evicted beyond it
 * @param defaultTtl the lifetime of an answer with no freshness headers
 * @param minTtl     the shortest lifetime of a cacheable answer
 * @param maxTtl     the longest lifetime of any answer
 */
public record CacheSettings(long maxEntries, Duration defaultTtl, Duration minTtl, Duration maxTtl) {

    public CacheSettings {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        if (defaultTtl.isNegative() || minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0) {
            throw new IllegalArgumentException("need 0 <= minTtl <= maxTtl and defaultTtl >= 0");
        }
    }

    /** Metadata documents: 1,000 entries, 10 minutes by default, between 30 seconds and 24 hours. */
    public static CacheSettings metadataDefaults() {
        return new CacheSettings(1_000, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(24));
    }

    /** A lifetime clamped to the bounds; zero stays zero (not stored). */
    public Duration clamp(Duration lifetime) {
        if (!lifetime.isPositive()) {
            return Duration.ZERO;
        }
        if (lifetime.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return lifetime.compareTo(maxTtl) > 0 ? maxTtl : lifetime;
    }
}
