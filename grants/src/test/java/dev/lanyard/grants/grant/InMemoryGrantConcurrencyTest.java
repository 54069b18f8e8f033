package dev.lanyard.grants.grant;

import dev.lanyard.grants.testing.TestServer;

class InMemoryGrantConcurrencyTest extends GrantConcurrencyContract {

    private final TestServer server = TestServer.inMemory();

    @Override
    TestServer server() {
        return server;
    }
}
