package dev.lanyard.cimd;

import static dev.lanyard.cimd.testing.CimdFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.CimdFixture;

/**
 * Two nodes, each with its own resolver, over one shared document store: what one fetched the other serves (issue 6,
 * "the cache can live in the store so that all nodes share it"); errors are still never cached (draft §5.2) and
 * lifetimes still clamped.
 */
class SharedCimdDocumentCacheTest {

    private final CimdFixture f = new CimdFixture();
    private final MapStore store = new MapStore();

    /** A shared store as a database would be: entries copied in and out as text. */
    static final class MapStore implements CimdDocumentStore {
        final Map<String, StoredCimdDocument> rows = new ConcurrentHashMap<>();

        @Override
        public Optional<StoredCimdDocument> get(String clientId) {
            return Optional.ofNullable(rows.get(clientId));
        }

        @Override
        public void put(StoredCimdDocument document) {
            rows.put(document.clientId(), document);
        }

        @Override
        public void delete(String clientId) {
            rows.remove(clientId);
        }

        @Override
        public int purgeExpired(Instant now) {
            int n = rows.size();
            rows.values().removeIf(r -> !now.isBefore(r.staleUntil()));
            return n - rows.size();
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private CimdResolver node() {
        CimdSettings settings = CimdFixture.testSettings();
        return f.track(CimdResolver.builder(settings).hostResolver(f.dns).clock(f.clock)
                .trust(dev.lanyard.cimd.testing.TestTls.clientTrust())
                .cache(new SharedCimdDocumentCache(store, CimdValidator.create(settings.tokenEndpointAuthMethods()),
                        f.clock)).build());
    }

    @Test
    void resolveWhenAnotherNodeFetchedThenServedFromTheSharedStoreWithZeroFetches() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        ClientIdMetadataDocument first = node().resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(1);
        ClientIdMetadataDocument second = node().resolve(clientId);
        assertThat(f.server.count("/app")).as("the second node fetched nothing").isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(store.rows.get(clientId).json()).doesNotContain("secret").contains("\"client_name\"");
    }

    // draft §5.2: errors and invalid documents are never cached, in a shared store neither
    @Test
    void resolveWhenOneNodeFailedThenNothingStoredAndTheOtherNodeFetchesTheFixedDocument() {
        String clientId = f.clientId("/app");
        f.server.answer("/app", 404, "text/plain", "not yet");
        assertThat(failure(node(), clientId).error().code()).isEqualTo("invalid_client");
        f.server.json("/app", CimdFixture.document(clientId + "/"));
        assertThat(failure(node(), clientId).error().code()).isEqualTo("invalid_client_metadata");
        assertThat(store.rows).isEmpty();
        f.serve("/app", "Cache-Control", "max-age=300");
        node().resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(3);
    }

    @Test
    void putWhenHeadersAskForMoreOrLessThanTheBoundsThenLifetimeClampedForEveryNode() {
        Instant now = f.clock.instant();
        String longLived = f.serve("/long", "Cache-Control", "max-age=31536000");
        String shortLived = f.serve("/short", "Cache-Control", "max-age=1");
        CimdResolver a = node();
        a.resolve(longLived);
        a.resolve(shortLived);
        CimdSettings s = CimdFixture.testSettings();
        assertThat(store.rows.get(longLived).freshUntil()).isEqualTo(now.plus(s.cacheMaxTtl()));
        assertThat(store.rows.get(shortLived).freshUntil()).isEqualTo(now.plus(s.cacheMinTtl()));
        // past the minimum, the other node fetches again rather than trusting the stored entry
        f.clock.advance(s.cacheMinTtl().plusSeconds(1));
        node().resolve(shortLived);
        assertThat(f.server.count("/short")).isEqualTo(2);
        node().resolve(longLived);
        assertThat(f.server.count("/long")).isEqualTo(1);
    }

    @Test
    void getWhenTheStoredRowNoLongerPassesTheRulesThenDroppedAndFetched() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        node().resolve(clientId);
        StoredCimdDocument row = store.rows.get(clientId);
        store.rows.put(clientId, new StoredCimdDocument(clientId, row.json().replace("\"none\"",
                "\"client_secret_basic\""), row.fetchedAt(), row.freshUntil(), row.staleUntil()));
        node().resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(2);
        assertThat(store.rows.get(clientId).json()).contains("\"none\"");
    }

    @Test
    void purgeExpiredWhenPastStaleLifetimeThenRowsDeleted() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60");
        node().resolve(clientId);
        SharedCimdDocumentCache cache = new SharedCimdDocumentCache(store, CimdValidator.create(), f.clock);
        assertThat(cache.purgeExpired()).isZero();
        f.clock.advance(Duration.ofSeconds(61));
        assertThat(cache.get(clientId)).isEmpty();
        assertThat(cache.purgeExpired()).isEqualTo(1);
    }
}
