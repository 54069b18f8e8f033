package dev.lanyard.discovery.fetch;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.lanyard.discovery.internal.cache.CacheHeaders;

/**
 * A bounded cache of validated documents, each kept as long as its HTTP answer allows ({@link CacheSettings}).
 *
 * <p>Only what a loader returns is stored: a loader that throws (fetch failure, non-200, invalid document) stores
 * nothing, so errors are never cached and the next call tries again. Concurrent calls for one key share one load.
 *
 * @param <K> the key, for example the URL plus the identity it was validated against
 * @param <V> the validated value
 */
public final class FetchCache<K, V> {

    private final CacheSettings settings;
    private final InstantSource clock;
    private final Cache<K, Fresh<V>> cache;
    private final ConcurrentHashMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();

    private FetchCache(CacheSettings settings, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(Expiry.<K, Fresh<V>>writing((key, fresh) -> fresh.ttl()))
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** A cache with these bounds, on the system clock. */
    public static <K, V> FetchCache<K, V> create(CacheSettings settings) {
        return new FetchCache<>(settings, InstantSource.system());
    }

    /** A cache with these bounds, on {@code clock} (tests). */
    public static <K, V> FetchCache<K, V> create(CacheSettings settings, InstantSource clock) {
        return new FetchCache<>(settings, clock);
    }

    /**
     * The fresh value for {@code key}, loading it if absent or stale. A loader's exception reaches the caller (and
     * every caller waiting on the same load) and nothing is stored.
     */
    public V get(K key, Function<? super K, Fresh<V>> loader) {
        Fresh<V> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached.value();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = loading.putIfAbsent(key, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            Fresh<V> again = cache.getIfPresent(key);
            Fresh<V> fresh = again != null ? again : Objects.requireNonNull(loader.apply(key), "loader result");
            if (fresh.ttl().isPositive() && again == null) {
                cache.put(key, fresh);
            }
            mine.complete(fresh.value());
            return fresh.value();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /** The fresh value for {@code key}, if one is stored. */
    public Optional<V> getIfPresent(K key) {
        return Optional.ofNullable(cache.getIfPresent(key)).map(Fresh::value);
    }

    /**
     * {@code value} with the lifetime {@code answer}'s headers give it, clamped to the settings; zero (not stored) for
     * {@code no-store}, {@code no-cache}, {@code private}, {@code max-age=0}.
     */
    public Fresh<V> fresh(V value, FetchResult answer) {
        return new Fresh<>(value, settings.clamp(
                CacheHeaders.lifetime(answer, clock.instant()).orElse(settings.defaultTtl())));
    }

    /** Forgets one entry. */
    public void invalidate(K key) {
        cache.invalidate(key);
    }

    /** Forgets every entry. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** About how many entries are stored. */
    public long estimatedSize() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static <V> V await(CompletableFuture<V> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
