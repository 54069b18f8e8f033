package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RefreshTokenStoreContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final RefreshTokenStore store = new JpaRefreshTokenStore(TestDatabase.transactions());

    @Override
    protected RefreshTokenStore store() {
        return store;
    }
}
