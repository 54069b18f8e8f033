package dev.lanyard.grants.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.spec.core.Scope;

/** What every {@link RefreshTokenStore} guarantees. */
public abstract class RefreshTokenStoreContract {

    /** For the implementations\' tests. */
    protected RefreshTokenStoreContract() {
    }

    /** The store under test. */
    protected abstract RefreshTokenStore store();

    @Test
    void findWhenSavedThenSameRecordBack() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        assertThat(store().find(t.tokenHash())).contains(t);
    }

    @Test
    void rotateWhenActiveThenRotatedAndSuccessorActive() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        RefreshTokenRecord next = StoreFixtures.successor(t);
        assertThat(store().rotate(t.tokenHash(), next)).isTrue();
        assertThat(store().find(t.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(store().find(next.tokenHash())).contains(next);
    }

    @Test
    void rotateWhenAlreadyRotatedThenFalseAndNoSuccessorKept() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        store().rotate(t.tokenHash(), StoreFixtures.successor(t));
        RefreshTokenRecord second = StoreFixtures.successor(t);
        assertThat(store().rotate(t.tokenHash(), second)).isFalse();
        assertThat(store().find(second.tokenHash())).isEmpty();
    }

    @Test
    void rotateWhenFiftyAtOnceThenExactlyOneWins() throws InterruptedException {
        // concurrent refreshes with one token; never two valid successors of one parent
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        List<Object> results = Concurrently.run(50, () -> store().rotate(t.tokenHash(), StoreFixtures.successor(t)));
        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(results).filteredOn(Boolean.FALSE::equals).hasSize(49);
    }

    @Test
    void revokeFamilyWhenRotatedThenEveryMemberRevoked() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        RefreshTokenRecord next = StoreFixtures.successor(t);
        store().rotate(t.tokenHash(), next);
        RefreshTokenRecord other = StoreFixtures.refreshToken();
        store().save(other);
        assertThat(store().revokeFamily(t.familyId())).isEqualTo(2);
        assertThat(store().find(t.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(store().find(next.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(store().find(other.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(store().rotate(next.tokenHash(), StoreFixtures.successor(next))).isFalse();
    }

    @Test
    void revokeAllWhenSubjectAndClientThenTheirFamiliesRevoked() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        store().revokeAll("u-alice", "pub1");
        assertThat(store().find(t.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.REVOKED);
    }

    @Test
    void purgeExpiredWhenFamilyExpiredThenDeleted() {
        RefreshTokenRecord t = StoreFixtures.refreshToken();
        store().save(t);
        store().purgeExpired(t.familyExpiresAt().plusSeconds(1));
        assertThat(store().find(t.tokenHash())).isEmpty();
    }

    @Test
    void revokeAllWhenLongestSubjectAndClientIdThenSavedAndRevoked() {
        // a CIMD client_id of 2048 characters and a subject of 1024 non-ASCII ones (3 KB, random so it does not
        // compress): PostgreSQL refuses a B-tree index entry over 2704 bytes, so no index may hold both as they are
        RandomGenerator random = RandomGenerator.getDefault();
        StringBuilder subject = new StringBuilder();
        while (subject.length() < 1024) {
            subject.appendCodePoint(0x4E00 + random.nextInt(0x5000));
        }
        StringBuilder clientId = new StringBuilder("https://cimd.example.test/");
        while (clientId.length() < 2048) {
            clientId.append(Digests.randomId());
        }
        String client = clientId.substring(0, 2048);
        RefreshTokenRecord t = new RefreshTokenRecord(Digests.sha256Base64Url(Digests.randomToken()),
                Digests.randomId(), client, subject.toString(), Scope.of("items:read"), List.of(StoreFixtures.RS),
                Optional.empty(), StoreFixtures.T0, StoreFixtures.T0.plusSeconds(86_400),
                StoreFixtures.T0.plusSeconds(30 * 86_400L), RefreshTokenState.ACTIVE);
        store().save(t);
        RefreshTokenRecord other = StoreFixtures.refreshToken();
        store().save(other);
        assertThat(store().revokeAll(subject.toString(), client)).isEqualTo(1);
        assertThat(store().find(t.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(store().find(other.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.ACTIVE);
    }
}
