package dev.lanyard.discovery.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class FetchCacheTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-08-01T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final CacheSettings settings = new CacheSettings(100, Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofHours(1));

    private static FetchResult answer(String cacheControl) {
        return new FetchResult(URI.create("https://as.example.test/x"), 200,
                cacheControl == null ? Map.of() : Map.of("Cache-Control", List.of(cacheControl)), new byte[0]);
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Test
    void getWhenMaxAgeThenServedUntilItPasses() {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        AtomicInteger loads = new AtomicInteger();
        Function<String, Fresh<String>> loader = k -> cache.fresh("v" + loads.incrementAndGet(),
                answer("max-age=120"));
        assertThat(cache.get("k", loader)).isEqualTo("v1");
        advance(Duration.ofSeconds(119));
        assertThat(cache.get("k", loader)).isEqualTo("v1");
        advance(Duration.ofSeconds(2));
        assertThat(cache.get("k", loader)).isEqualTo("v2");
    }

    @Test
    void getWhenNoStoreThenNeverStored() {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        AtomicInteger loads = new AtomicInteger();
        Function<String, Fresh<String>> loader = k -> cache.fresh("v" + loads.incrementAndGet(),
                answer("no-store"));
        assertThat(cache.get("k", loader)).isEqualTo("v1");
        assertThat(cache.get("k", loader)).isEqualTo("v2");
        assertThat(cache.getIfPresent("k")).isEmpty();
    }

    // CIMD §4.4 / A-081: errors are never cached; the next call after a fix succeeds at once
    @Test
    void getWhenLoaderFailsThenNothingStoredAndNextCallLoads() {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        assertThatThrownBy(() -> cache.get("k", k -> {
            throw new IllegalStateException("404");
        })).hasMessage("404");
        assertThat(cache.getIfPresent("k")).isEmpty();
        assertThat(cache.get("k", k -> cache.fresh("fixed", answer("max-age=600")))).isEqualTo("fixed");
    }

    @Test
    void freshWhenLifetimeOutsideBoundsThenClamped() {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        assertThat(cache.fresh("v", answer("max-age=5")).ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cache.fresh("v", answer("max-age=999999")).ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(cache.fresh("v", answer(null)).ttl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(cache.fresh("v", answer("max-age=0")).ttl()).isZero();
    }

    @Test
    void getWhenMoreKeysThanMaxEntriesThenBounded() {
        FetchCache<Integer, Integer> cache = FetchCache.create(
                new CacheSettings(10, Duration.ofMinutes(10), Duration.ZERO, Duration.ofHours(1)), clock);
        for (int i = 0; i < 1_000; i++) {
            cache.get(i, k -> new Fresh<>(k, Duration.ofMinutes(5)));
        }
        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
    }

    @Test
    void getWhenConcurrentCallsForOneKeyThenOneLoad() throws Exception {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch inLoader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> cache.get("k", k -> {
                loads.incrementAndGet();
                inLoader.countDown();
                await(release);
                return new Fresh<>("shared", Duration.ofMinutes(1));
            }));
            assertThat(inLoader.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> cache.get("k", k -> {
                loads.incrementAndGet();
                return new Fresh<>("second", Duration.ofMinutes(1));
            }));
            Thread.sleep(100);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
            assertThat(second.get(5, TimeUnit.SECONDS)).isIn("shared");
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidateWhenCalledThenNextGetLoads() {
        FetchCache<String, String> cache = FetchCache.create(settings, clock);
        cache.get("k", k -> new Fresh<>("a", Duration.ofMinutes(5)));
        cache.invalidate("k");
        assertThat(cache.get("k", k -> new Fresh<>("b", Duration.ofMinutes(5)))).isEqualTo("b");
        cache.invalidateAll();
        assertThat(cache.getIfPresent("k")).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
