package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.ReplayGuardContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaReplayGuardTest extends ReplayGuardContract {

    private final ReplayGuard store = new JpaReplayGuard(TestDatabase.transactions());

    @Override
    protected ReplayGuard guard() {
        return store;
    }
}
