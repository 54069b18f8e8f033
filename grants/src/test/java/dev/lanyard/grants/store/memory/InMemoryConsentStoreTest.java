package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.ConsentStoreContract;

class InMemoryConsentStoreTest extends ConsentStoreContract {

    private final ConsentStore store = new InMemoryConsentStore(1000);

    @Override
    protected ConsentStore store() {
        return store;
    }
}
