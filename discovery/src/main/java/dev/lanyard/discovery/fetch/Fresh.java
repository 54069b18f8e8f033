package dev.lanyard.discovery.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * A value a {@link FetchCache} loader produced, and how long it may be kept.
 *
 * @param value the value
 * @param ttl   how long it stays fresh; zero means it is returned but not stored
 * @param <V>   the value type
 */
public record Fresh<V>(V value, Duration ttl) {

    public Fresh {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /** A value that is not stored. */
    public static <V> Fresh<V> uncached(V value) {
        return new Fresh<>(value, Duration.ZERO);
    }
}
