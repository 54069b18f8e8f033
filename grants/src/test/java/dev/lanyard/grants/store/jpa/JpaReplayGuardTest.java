package dev.lanyard.grants.store.jpa;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.ReplayGuardContract;
import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on the H2 file and on PostgreSQL. */
class JpaReplayGuardTest {

    @Nested
    class OnH2 extends ReplayGuardContract {

        private final ReplayGuard store = new JpaReplayGuard(TestDatabase.transactions());

        @Override
        protected ReplayGuard guard() {
            return store;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends ReplayGuardContract {

        private final ReplayGuard store = new JpaReplayGuard(TestDatabase.postgres());

        @Override
        protected ReplayGuard guard() {
            return store;
        }
    }
}
