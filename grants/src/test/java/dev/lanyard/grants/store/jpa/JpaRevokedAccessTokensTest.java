package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.RevokedAccessTokensContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaRevokedAccessTokensTest extends RevokedAccessTokensContract {

    private final RevokedAccessTokens store = new JpaRevokedAccessTokens(TestDatabase.transactions());

    @Override
    protected RevokedAccessTokens store() {
        return store;
    }
}
