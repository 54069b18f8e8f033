package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.RefreshTokenStore;
import dev.lanyard.grants.store.RefreshTokenStoreContract;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final RefreshTokenStore store = new InMemoryRefreshTokenStore(1000, java.time.Clock.systemUTC());

    @Override
    protected RefreshTokenStore store() {
        return store;
    }
}
