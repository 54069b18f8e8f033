package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.SigningKeyStoreContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaSigningKeyStoreTest {

    @Nested
    class OnH2 extends SigningKeyStoreContract {

        private final SigningKeyStore store = new JpaSigningKeyStore(TestDatabase.transactions());

        @Override
        protected SigningKeyStore store() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends SigningKeyStoreContract {

        private final SigningKeyStore store = new JpaSigningKeyStore(TestDatabase.postgres());

        @Override
        protected SigningKeyStore store() {
            return store;
        }
    }
}
