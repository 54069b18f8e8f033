package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.SigningKeyStoreContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaSigningKeyStoreTest extends SigningKeyStoreContract {

    private final SigningKeyStore store = new JpaSigningKeyStore(TestDatabase.transactions());

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
