package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.RevokedAccessTokens;
import dev.lanyard.grants.store.RevokedAccessTokensContract;

class InMemoryRevokedAccessTokensTest extends RevokedAccessTokensContract {

    private final RevokedAccessTokens store = new InMemoryRevokedAccessTokens(1000, java.time.Clock.systemUTC());

    @Override
    protected RevokedAccessTokens store() {
        return store;
    }
}
