package dev.lanyard.grants.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RefreshTokenStoreContract;
import dev.lanyard.grants.store.StoreFixtures;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL, and rows from before the owner key. */
class JpaRefreshTokenStoreTest {

    abstract static class OnDatabase extends RefreshTokenStoreContract {

        private final JpaTransactions tx;
        private final RefreshTokenStore store;

        OnDatabase(TestDatabase.Kind database) {
            tx = database.transactions();
            store = new JpaRefreshTokenStore(tx);
        }

        @Override
        protected RefreshTokenStore store() {
            return store;
        }

        @Test
        void revokeAllWhenRowWrittenBeforeTheOwnerKeyThenRevokedToo() {
            // a table extended in place (create-or-extend-tables) keeps its old rows with no owner_key
            RefreshTokenRecord t = StoreFixtures.refreshToken();
            store.save(t);
            tx.execute(em -> em.createNativeQuery("UPDATE lanyard_refresh_token SET owner_key = NULL"
                            + " WHERE token_hash = ?")
                    .setParameter(1, t.tokenHash())
                    .executeUpdate());
            assertThat(store.revokeAll(t.subject(), t.clientId())).isEqualTo(1);
            assertThat(store.find(t.tokenHash()).orElseThrow().state()).isEqualTo(RefreshTokenState.REVOKED);
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
