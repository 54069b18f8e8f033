package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.spec.authz.AuthorizationRequest;

/** What every {@link AuthorizationCodeStore} guarantees. */
public abstract class AuthorizationCodeStoreContract {

    /** For the implementations\' tests. */
    protected AuthorizationCodeStoreContract() {
    }

    /** The store under test. */
    protected abstract AuthorizationCodeStore store();

    @Test
    void findWhenSavedThenSameBindingBack() {
        StoredAuthorizationCode code = StoreFixtures.code();
        store().save(code);
        assertThat(store().find(code.codeHash())).contains(code);
    }

    @Test
    void findWhenLongestNonceTheRequestAcceptsThenSameBindingBack() {
        // the authorization request accepts a nonce of up to MAX_NONCE_LENGTH characters; the column holds it
        StoredAuthorizationCode c = StoreFixtures.code();
        AuthorizationCodeBinding b = c.binding();
        String nonce = "n".repeat(AuthorizationRequest.MAX_NONCE_LENGTH);
        StoredAuthorizationCode code = new StoredAuthorizationCode(c.codeHash(), new AuthorizationCodeBinding(
                b.clientId(), b.redirectUri(), b.codeChallenge(), b.codeChallengeMethod(), b.resources(), b.scope(),
                b.subject(), b.authTime(), Optional.of(nonce)), c.issuedAt(), c.expiresAt(), false, Optional.empty());
        store().save(code);
        assertThat(store().find(code.codeHash())).contains(code);
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(store().find("no-such-hash")).isEmpty();
    }

    @Test
    void consumeWhenFreshThenOnceOnlyAndIssuedRecorded() {
        StoredAuthorizationCode code = StoreFixtures.code();
        store().save(code);
        IssuedTokens issued = new IssuedTokens(Optional.of("fam-1"), "jti-1", T0.plusSeconds(300));
        // OAuth 2.1 §4.1.3: a code is used once
        assertThat(store().consume(code.codeHash(), T0.plusSeconds(1), Optional.of(issued))).isTrue();
        assertThat(store().consume(code.codeHash(), T0.plusSeconds(2), Optional.empty())).isFalse();
        StoredAuthorizationCode after = store().find(code.codeHash()).orElseThrow();
        assertThat(after.consumed()).isTrue();
        assertThat(after.issued()).contains(issued);
    }

    @Test
    void consumeWhenExpiredThenFalse() {
        StoredAuthorizationCode code = StoreFixtures.code();
        store().save(code);
        assertThat(store().consume(code.codeHash(), T0.plusSeconds(60), Optional.empty())).isFalse();
        assertThat(store().find(code.codeHash()).orElseThrow().consumed()).isFalse();
    }

    @Test
    void consumeWhenUnknownThenFalse() {
        assertThat(store().consume("no-such-hash", T0, Optional.empty())).isFalse();
    }

    @Test
    void consumeWhenFiftyAtOnceThenExactlyOneWins() throws InterruptedException {
        // concurrent redemptions of one code; never two winners
        StoredAuthorizationCode code = StoreFixtures.code();
        store().save(code);
        List<Object> results = Concurrently.run(50,
                () -> store().consume(code.codeHash(), T0.plusSeconds(1), Optional.empty()));
        assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(results).filteredOn(Boolean.FALSE::equals).hasSize(49);
    }

    @Test
    void purgeExpiredWhenPastThenDeleted() {
        StoredAuthorizationCode code = StoreFixtures.code();
        store().save(code);
        store().purgeExpired(T0.plusSeconds(61));
        assertThat(store().find(code.codeHash())).isEmpty();
    }
}
