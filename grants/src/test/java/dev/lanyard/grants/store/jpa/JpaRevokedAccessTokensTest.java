package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.RevokedAccessTokensContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaRevokedAccessTokensTest {

    @Nested
    class OnH2 extends RevokedAccessTokensContract {

        private final RevokedAccessTokens store = new JpaRevokedAccessTokens(TestDatabase.transactions());

        @Override
        protected RevokedAccessTokens store() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends RevokedAccessTokensContract {

        private final RevokedAccessTokens store = new JpaRevokedAccessTokens(TestDatabase.postgres());

        @Override
        protected RevokedAccessTokens store() {
            return store;
        }
    }
}
