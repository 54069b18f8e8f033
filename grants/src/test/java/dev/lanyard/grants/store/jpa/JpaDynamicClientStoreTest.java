package dev.lanyard.grants.store.jpa;

import static dev.lanyard.grants.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.DynamicClientStoreContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL, and a registration seen by a second node on each. */
class JpaDynamicClientStoreTest {

    abstract static class OnDatabase extends DynamicClientStoreContract {

        private final TestDatabase.Kind database;
        private final DynamicClientStore store;

        OnDatabase(TestDatabase.Kind database) {
            this.database = database;
            this.store = new JpaDynamicClientStore(database.transactions());
        }

        @Override
        protected DynamicClientStore store() {
            return store;
        }

        @Test
        void findWhenRegisteredOnAnotherNodeThenKnownAndDeletionSeenToo() {
            DynamicClientStore other = new JpaDynamicClientStore(database.secondNode());
            DynamicClientRecord r = secretClient("fp-two-nodes", T0);
            store.save(r);
            assertThat(other.find(r.clientId())).contains(r);
            assertThat(other.markUsed(r.clientId(), T0.plusSeconds(1))).isTrue();
            assertThat(store.markUsed(r.clientId(), T0.plusSeconds(2))).isFalse();
            assertThat(store.delete(r.clientId())).isTrue();
            assertThat(other.find(r.clientId())).isEmpty();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {

        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends OnDatabase {

        OnPostgreSQL() {
            super(TestDatabase.Kind.POSTGRESQL);
        }
    }
}
