package dev.lanyard.discovery.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.fetch.FetchResult;

class CacheHeadersTest {

    private static final Instant NOW = Instant.parse("2026-08-01T10:00:00Z");

    private static FetchResult answer(String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.computeIfAbsent(headerPairs[i], n -> new java.util.ArrayList<>()).add(headerPairs[i + 1]);
        }
        return new FetchResult(URI.create("https://as.example.test/.well-known/x"), 200, headers, new byte[0]);
    }

    // RFC 9111 §5.2.2.1
    @Test
    void lifetimeWhenMaxAgeThenThatLessAge() {
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "public, max-age=600"), NOW))
                .contains(Duration.ofSeconds(600));
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=\"60\"", "Age", "20"), NOW))
                .contains(Duration.ofSeconds(40));
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=60", "Age", "90"), NOW))
                .contains(Duration.ZERO);
    }

    // RFC 9111 §5.2.2.5, §5.2.2.4, §5.2.2.7: not stored by a cache shared between users
    @Test
    void lifetimeWhenNoStoreNoCacheOrPrivateThenZero() {
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "no-store"), NOW)).contains(Duration.ZERO);
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=600, no-cache"), NOW))
                .contains(Duration.ZERO);
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "private, max-age=600"), NOW)).contains(Duration.ZERO);
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=600", "Cache-Control", "No-Store"), NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void lifetimeWhenMaxAgeMalformedThenZero() {
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=ten"), NOW)).contains(Duration.ZERO);
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "max-age=-5"), NOW)).contains(Duration.ZERO);
    }

    // RFC 9111 §5.3
    @Test
    void lifetimeWhenExpiresThenAgainstDate() {
        assertThat(CacheHeaders.lifetime(answer("Expires", "Sat, 01 Aug 2026 10:05:00 GMT",
                "Date", "Sat, 01 Aug 2026 10:00:00 GMT"), NOW)).contains(Duration.ofMinutes(5));
        assertThat(CacheHeaders.lifetime(answer("Expires", "Sat, 01 Aug 2026 10:01:00 GMT"), NOW))
                .contains(Duration.ofMinutes(1));
        assertThat(CacheHeaders.lifetime(answer("Expires", "0"), NOW)).contains(Duration.ZERO);
        assertThat(CacheHeaders.lifetime(answer("Expires", "Sat, 01 Aug 2026 09:00:00 GMT"), NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void lifetimeWhenNoFreshnessHeadersThenEmpty() {
        assertThat(CacheHeaders.lifetime(answer("Cache-Control", "public"), NOW)).isEmpty();
        assertThat(CacheHeaders.lifetime(answer(), NOW)).isEmpty();
    }
}
