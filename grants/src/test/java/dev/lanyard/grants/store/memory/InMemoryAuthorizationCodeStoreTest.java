package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.AuthorizationCodeStoreContract;

class InMemoryAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    private final AuthorizationCodeStore store = new InMemoryAuthorizationCodeStore(1000, java.time.Clock.systemUTC());

    @Override
    protected AuthorizationCodeStore store() {
        return store;
    }
}
