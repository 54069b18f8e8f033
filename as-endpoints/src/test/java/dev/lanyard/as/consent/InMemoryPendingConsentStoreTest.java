package dev.lanyard.as.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.StoreCapacityException;
import dev.lanyard.spec.authz.AuthorizationRequest;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

class InMemoryPendingConsentStoreTest {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    static final AuthorizationRequest REQUEST = AuthorizationRequest.parse(FormParameters.parse(
            "response_type=code&client_id=pub1&state=s"));

    static PendingConsent pending(String id, Instant expiresAt) {
        return new PendingConsent(id, "csrf-" + id, "u-alice", REQUEST, "https://app.example.test/cb",
                Scope.of("a"), List.of(new ResourceIndicator("https://rs.example.test/api")), expiresAt);
    }

    @Test
    void takeReturnsTheEntryOnce() {
        InMemoryPendingConsentStore store = new InMemoryPendingConsentStore(10, Clock.fixed(NOW, ZoneOffset.UTC));
        store.save(pending("p1", NOW.plusSeconds(60)));
        assertThat(store.take("p1", NOW)).isPresent();
        assertThat(store.take("p1", NOW)).isEmpty();
        assertThat(store.take("unknown", NOW)).isEmpty();
    }

    @Test
    void takeAfterExpiryIsEmpty() {
        InMemoryPendingConsentStore store = new InMemoryPendingConsentStore(10, Clock.fixed(NOW, ZoneOffset.UTC));
        store.save(pending("p1", NOW.plusSeconds(60)));
        assertThat(store.take("p1", NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void saveWhenFullDropsExpiredEntriesThenRefuses() {
        InMemoryPendingConsentStore store = new InMemoryPendingConsentStore(2, Clock.fixed(NOW, ZoneOffset.UTC));
        store.save(pending("old", NOW.minusSeconds(1)));
        store.save(pending("p1", NOW.plusSeconds(60)));
        store.save(pending("p2", NOW.plusSeconds(60)));
        assertThat(store.take("p1", NOW)).isPresent();
        store.save(pending("p3", NOW.plusSeconds(60)));
        assertThatThrownBy(() -> store.save(pending("p4", NOW.plusSeconds(60))))
                .isInstanceOf(StoreCapacityException.class);
    }

    @Test
    void csrfIsComparedExactlyAndNotShown() {
        PendingConsent p = pending("p1", NOW);
        assertThat(p.csrfMatches("csrf-p1")).isTrue();
        assertThat(p.csrfMatches("csrf-p2")).isFalse();
        assertThat(p.csrfMatches("")).isFalse();
        assertThat(p.toString()).doesNotContain("csrf-p1").doesNotContain("p1,");
    }
}
