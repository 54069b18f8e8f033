package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.MutableClock;

class InMemoryCimdDocumentCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));

    private CachedDocument entry(String path, Duration fresh, Duration stale) {
        String url = "https://cimd.example.test" + path;
        ClientIdMetadataDocument d = CimdValidator.create().validate(ClientIdUrl.parse(url),
                CimdValidatorTest.minimal().add("client_id", url).build()).orElseThrow();
        Instant now = clock.instant();
        return new CachedDocument(d, now, now.plus(fresh), now.plus(fresh).plus(stale));
    }

    @Test
    void getWhenPutThenFoundUntilStaleEndThenDropped() {
        InMemoryCimdDocumentCache cache = new InMemoryCimdDocumentCache(10, clock);
        CachedDocument e = entry("/a", Duration.ofMinutes(1), Duration.ofMinutes(5));
        cache.put(e);
        assertThat(cache.get(e.clientId())).contains(e);
        assertThat(e.isFresh(clock.instant())).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.get(e.clientId())).contains(e);
        assertThat(e.isFresh(clock.instant())).isFalse();
        assertThat(e.isUsableWhenFailing(clock.instant())).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get(e.clientId())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void putWhenFullThenLeastRecentlyUsedDropped() {
        InMemoryCimdDocumentCache cache = new InMemoryCimdDocumentCache(2, clock);
        CachedDocument a = entry("/a", Duration.ofMinutes(1), Duration.ZERO);
        CachedDocument b = entry("/b", Duration.ofMinutes(1), Duration.ZERO);
        CachedDocument c = entry("/c", Duration.ofMinutes(1), Duration.ZERO);
        cache.put(a);
        cache.put(b);
        cache.get(a.clientId());
        cache.put(c);
        assertThat(cache.get(b.clientId())).isEmpty();
        assertThat(cache.get(a.clientId())).contains(a);
        assertThat(cache.get(c.clientId())).contains(c);
    }

    @Test
    void invalidateWhenPresentThenGone() {
        InMemoryCimdDocumentCache cache = new InMemoryCimdDocumentCache(2, clock);
        CachedDocument a = entry("/a", Duration.ofMinutes(1), Duration.ZERO);
        cache.put(a);
        cache.invalidate(a.clientId());
        cache.invalidate("https://cimd.example.test/unknown");
        assertThat(cache.get(a.clientId())).isEmpty();
    }

    // Keys are compared exactly: no normalisation
    @Test
    void getWhenSpelledDifferentlyThenMiss() {
        InMemoryCimdDocumentCache cache = new InMemoryCimdDocumentCache(2, clock);
        cache.put(entry("/a", Duration.ofMinutes(1), Duration.ZERO));
        assertThat(cache.get("https://cimd.example.test:443/a")).isEmpty();
        assertThat(cache.get("https://CIMD.example.test/a")).isEmpty();
    }

    @Test
    void cachedDocumentWhenInstantsOutOfOrderThenIllegalArgument() {
        CachedDocument ok = entry("/a", Duration.ofMinutes(1), Duration.ZERO);
        assertThatThrownBy(() -> new CachedDocument(ok.document(), ok.fetchedAt(), ok.fetchedAt().minusSeconds(1),
                ok.staleUntil())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CachedDocument(ok.document(), ok.fetchedAt(), ok.freshUntil(),
                ok.freshUntil().minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryCimdDocumentCache(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
