package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.AuthorizationCodeStoreContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaAuthorizationCodeStoreTest {

    @Nested
    class OnH2 extends AuthorizationCodeStoreContract {

        private final AuthorizationCodeStore store = new JpaAuthorizationCodeStore(TestDatabase.transactions());

        @Override
        protected AuthorizationCodeStore store() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends AuthorizationCodeStoreContract {

        private final AuthorizationCodeStore store = new JpaAuthorizationCodeStore(TestDatabase.postgres());

        @Override
        protected AuthorizationCodeStore store() {
            return store;
        }
    }
}
