package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.ConsentStoreContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaConsentStoreTest {

    @Nested
    class OnH2 extends ConsentStoreContract {

        private final ConsentStore store = new JpaConsentStore(TestDatabase.transactions());

        @Override
        protected ConsentStore store() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends ConsentStoreContract {

        private final ConsentStore store = new JpaConsentStore(TestDatabase.postgres());

        @Override
        protected ConsentStore store() {
            return store;
        }
    }
}
