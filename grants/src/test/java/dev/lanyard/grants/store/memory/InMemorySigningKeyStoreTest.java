package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.SigningKeyStoreContract;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {

    private final SigningKeyStore store = new InMemorySigningKeyStore();

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
