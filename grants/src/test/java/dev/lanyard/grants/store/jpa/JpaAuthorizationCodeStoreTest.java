package dev.lanyard.grants.store.jpa;

import dev.lanyard.grants.store.AuthorizationCodeStore;
import dev.lanyard.grants.store.AuthorizationCodeStoreContract;
import dev.lanyard.grants.testing.TestDatabase;

/** The contract on H2 in file mode. */
class JpaAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    private final AuthorizationCodeStore store = new JpaAuthorizationCodeStore(TestDatabase.transactions());

    @Override
    protected AuthorizationCodeStore store() {
        return store;
    }
}
