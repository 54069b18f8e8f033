package dev.lanyard.grants.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.CachedDocument;
import dev.lanyard.cimd.CimdDocumentStore;
import dev.lanyard.cimd.CimdValidator;
import dev.lanyard.cimd.ClientIdMetadataDocument;
import dev.lanyard.cimd.ClientIdUrl;
import dev.lanyard.cimd.SharedCimdDocumentCache;
import dev.lanyard.cimd.StoredCimdDocument;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.TestDatabase;
import dev.lanyard.spec.error.Parsed;

/**
 * The shared CIMD document cache on H2 in file mode: a document one node cached is read by another, validated again;
 * entries past use are purged.
 */
class JpaCimdDocumentStoreTest {

    private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

    private final CimdDocumentStore node1 = new JpaCimdDocumentStore(TestDatabase.transactions());
    private final CimdDocumentStore node2 = new JpaCimdDocumentStore(TestDatabase.secondNode());

    private static ClientIdMetadataDocument document(String clientId) {
        String json = """
                {"client_id":"%s","client_name":"Shared","redirect_uris":["https://cimd.example.test/cb"],
                 "token_endpoint_auth_method":"none"}""".formatted(clientId);
        return ((Parsed.Ok<ClientIdMetadataDocument>) CimdValidator.create().validate(ClientIdUrl.parse(clientId),
                json)).value();
    }

    @Test
    void getWhenPutByAnotherNodeThenTheSameValidatedDocument() {
        String clientId = "https://cimd.example.test/app/" + Digests.randomId() + "/" + "x".repeat(1500);
        MutableClock clock = new MutableClock(T0);
        SharedCimdDocumentCache first = new SharedCimdDocumentCache(node1, CimdValidator.create(), clock);
        SharedCimdDocumentCache second = new SharedCimdDocumentCache(node2, CimdValidator.create(), clock);
        CachedDocument entry = new CachedDocument(document(clientId), T0, T0.plusSeconds(300), T0.plusSeconds(900));
        first.put(entry);
        assertThat(second.get(clientId)).contains(entry);
        assertThat(second.get(clientId + "/")).as("no normalisation").isEmpty();
        second.invalidate(clientId);
        assertThat(first.get(clientId)).isEmpty();
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
