package dev.lanyard.grants.store;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;

/** What every {@link RevokedAccessTokens} guarantees. */
public abstract class RevokedAccessTokensContract {

    /** For the implementations\' tests. */
    protected RevokedAccessTokensContract() {
    }

    /** The store under test. */
    protected abstract RevokedAccessTokens store();

    @Test
    void isRevokedWhenRevokedTwiceThenTrueAndIdempotent() {
        String jti = Digests.randomId();
        assertThat(store().isRevoked(jti)).isFalse();
        store().revoke(jti, T0.plusSeconds(300));
        store().revoke(jti, T0.plusSeconds(300));
        assertThat(store().isRevoked(jti)).isTrue();
    }

    @Test
    void purgeExpiredWhenPastThenForgotten() {
        String jti = Digests.randomId();
        store().revoke(jti, T0.plusSeconds(300));
        store().purgeExpired(T0.plusSeconds(301));
        assertThat(store().isRevoked(jti)).isFalse();
    }
}
