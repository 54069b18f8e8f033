package dev.lanyard.grants.grant;

import org.junit.jupiter.api.Nested;

import dev.lanyard.grants.testing.OnPostgres;
import dev.lanyard.grants.testing.TestDatabase;
import dev.lanyard.grants.testing.TestServer;

/** The concurrency contract on the JPA stores, over the H2 file and over PostgreSQL. */
class JpaGrantConcurrencyTest {

    @Nested
    class OnH2 extends GrantConcurrencyContract {

        private final TestServer server = TestServer.jpa(TestDatabase.transactions());

        @Override
        TestServer server() {
            return server;
        }
    }

    @Nested
    @OnPostgres
    class OnPostgreSQL extends GrantConcurrencyContract {

        private final TestServer server = TestServer.jpa(TestDatabase.postgres());

        @Override
        TestServer server() {
            return server;
        }
    }
}
