package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.ConsentStoreContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaConsentStoreTest extends ConsentStoreContract {

    private final ConsentStore store = new JpaConsentStore(TestDatabase.transactions());

    @Override
    protected ConsentStore store() {
        return store;
    }
}
