package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RefreshTokenStoreContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaRefreshTokenStoreTest {

    @Nested
    class OnH2 extends RefreshTokenStoreContract {

        private final RefreshTokenStore store = new JpaRefreshTokenStore(TestDatabase.transactions());

        @Override
        protected RefreshTokenStore store() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends RefreshTokenStoreContract {

        private final RefreshTokenStore store = new JpaRefreshTokenStore(TestDatabase.postgres());

        @Override
        protected RefreshTokenStore store() {
            return store;
        }
    }
}
