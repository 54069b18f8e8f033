package dev.lanyard.grants.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.CachedDocument;
import dev.lanyard.cimd.CimdDocumentStore;
import dev.lanyard.cimd.CimdValidator;
import dev.lanyard.cimd.ClientIdMetadataDocument;
import dev.lanyard.cimd.ClientIdUrl;
import dev.lanyard.cimd.SharedCimdDocumentCache;
import dev.lanyard.cimd.StoredCimdDocument;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;
import dev.lanyard.spec.error.Parsed;

/**
 * The shared CIMD document cache on the H2 file and on PostgreSQL: a document one node cached is read by another,
 * validated again; entries past use are purged.
 */
class JpaCimdDocumentStoreTest {

    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

    static ClientIdMetadataDocument document(String clientId) {
        String json = """
                {"client_id":"%s","client_name":"Shared","redirect_uris":["https://cimd.example.test/cb"],
                 "token_endpoint_auth_method":"none"}""".formatted(clientId);
        return ((Parsed.Ok<ClientIdMetadataDocument>) CimdValidator.create().validate(ClientIdUrl.parse(clientId),
                json)).value();
    }

    abstract static class OnDatabase {

        private final CimdDocumentStore node1;
        private final CimdDocumentStore node2;

        OnDatabase(TestDatabase.Kind database) {
            node1 = new JpaCimdDocumentStore(database.transactions());
            node2 = new JpaCimdDocumentStore(database.secondNode());
        }

        @Test
        void getWhenPutByAnotherNodeThenTheSameValidatedDocument() {
            String clientId = "https://cimd.example.test/app/" + Digests.randomId() + "/" + "x".repeat(1500);
            MutableClock clock = new MutableClock(T0);
            SharedCimdDocumentCache first = new SharedCimdDocumentCache(node1, CimdValidator.create(), clock);
            SharedCimdDocumentCache second = new SharedCimdDocumentCache(node2, CimdValidator.create(), clock);
            CachedDocument entry = new CachedDocument(document(clientId), T0, T0.plusSeconds(300),
                    T0.plusSeconds(900));
            first.put(entry);
            assertThat(second.get(clientId)).contains(entry);
            assertThat(second.get(clientId + "/")).as("no normalisation").isEmpty();
            second.invalidate(clientId);
            assertThat(first.get(clientId)).isEmpty();
        }

        @Test
        void putWhenTwoNodesPutOneDocumentAtOnceThenEachSucceedsAndOneEntryKept() throws InterruptedException {
            // two nodes that missed the cache for the same client_id at once both store what they fetched
            String clientId = "https://cimd.example.test/race/" + Digests.randomId();
            AtomicInteger turn = new AtomicInteger();
            List<Object> results = Concurrently.run(20, () -> {
                int i = turn.getAndIncrement();
                Instant fetched = T0.plusSeconds(i);
                (i % 2 == 0 ? node1 : node2).put(new StoredCimdDocument(clientId, "{}", fetched,
                        fetched.plusSeconds(300), fetched.plusSeconds(900)));
                return "stored";
            });
            assertThat(results).containsOnly("stored");
            assertThat(node1.get(clientId)).isPresent();
        }

        @Test
        void purgeExpiredWhenPastStaleUntilThenDeletedOthersKept() {
            Instant base = T0.plus(Duration.ofDays(3650));
            String gone = "https://cimd.example.test/gone/" + Digests.randomId();
            String kept = "https://cimd.example.test/kept/" + Digests.randomId();
            node1.put(new StoredCimdDocument(gone, "{}", base, base.plusSeconds(10), base.plusSeconds(20)));
            node1.put(new StoredCimdDocument(kept, "{}", base, base.plusSeconds(10), base.plusSeconds(3600)));
            assertThat(node2.purgeExpired(base.plusSeconds(20))).isGreaterThanOrEqualTo(1);
            assertThat(node1.get(gone)).isEmpty();
            assertThat(node1.get(kept)).isPresent();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {

        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends OnDatabase {

        OnPostgreSQL() {
            super(TestDatabase.Kind.POSTGRESQL);
        }
    }
}
