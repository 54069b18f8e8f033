package dev.lanyard.discovery.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.fetch.FetchResult;
import dev.lanyard.discovery.testing.Fuzz;

class CachePropertyTest {

    // Cache-Control, Age and Expires from a hostile server never throw and never give a negative lifetime.
    @Test
    void lifetimeWhenTenThousandMutatedHeadersThenNeverThrowsNorNegative() {
        List<String> inputs = Fuzz.of(9111L, 10_000, List.of("max-age=600", "no-store", "public, max-age=60",
                "private, max-age=1", "Thu, 01 Jan 2026 00:00:00 GMT", "max-age=\"5\""));
        Instant now = Instant.parse("2026-08-01T10:00:00Z");
        int cacheable = 0;
        for (String input : inputs) {
            FetchResult answer = new FetchResult(URI.create("https://as.example.test/x"), 200, Map.of(
                    "Cache-Control", List.of(input), "Age", List.of(input), "Expires", List.of(input)), new byte[0]);
            Optional<Duration> lifetime = CacheHeaders.lifetime(answer, now);
            assertThat(lifetime.map(Duration::isNegative)).as(input).isNotEqualTo(Optional.of(true));
            if (lifetime.isPresent() && lifetime.get().isPositive()) {
                cacheable++;
            }
        }
        assertThat(cacheable).isGreaterThan(500);
    }
}
