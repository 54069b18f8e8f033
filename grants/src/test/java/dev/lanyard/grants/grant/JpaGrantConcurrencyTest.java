package dev.lanyard.grants.grant;

import dev.lanyard.grants.testing.TestDatabase;
import dev.lanyard.grants.testing.TestServer;

/** The concurrency contract on the JPA stores over H2 in file mode. */
class JpaGrantConcurrencyTest extends GrantConcurrencyContract {

    private final TestServer server = TestServer.jpa(TestDatabase.transactions());

    @Override
    TestServer server() {
        return server;
    }
}
