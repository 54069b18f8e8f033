package dev.lanyard.grants.testing;

import java.nio.file.Path;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import dev.lanyard.grants.store.jpa.JpaTransactions;
import dev.lanyard.grants.store.jpa.ResourceLocalJpaTransactions;

/** One H2 file database under {@code target/h2}, with the stores' tables, shared by the JPA tests of a run. */
public final class TestDatabase {

    private static EntityManagerFactory factory;
    private static EntityManagerFactory secondNode;

    private TestDatabase() {
    }

    private static String url() {
        Path file = Path.of("target", "h2", "grants-test").toAbsolutePath();
        // MODE=LEGACY: EclipseLink 4.0 emits H2 1.x SQL forms that H2 2.x refuses otherwise
        return "jdbc:h2:file:" + file + ";MODE=LEGACY;LOCK_TIMEOUT=20000";
    }

    /** Units of work on the test database. */
    public static synchronized JpaTransactions transactions() {
        if (factory == null) {
            factory = Persistence.createEntityManagerFactory("lanyard-grants-test",
                    Map.of("jakarta.persistence.jdbc.url", url()));
        }
        return new ResourceLocalJpaTransactions(factory);
    }

    /**
     * Units of work of a second server on the same database: its own persistence unit instance, connections and
     * EclipseLink shared cache (left on, as a deployment might), and no schema generation.
     */
    public static synchronized JpaTransactions secondNode() {
        transactions();
        if (secondNode == null) {
            secondNode = Persistence.createEntityManagerFactory("lanyard-grants-test", Map.of(
                    "jakarta.persistence.jdbc.url", url(),
                    "jakarta.persistence.schema-generation.database.action", "none",
                    "eclipselink.cache.shared.default", "true",
                    "eclipselink.session-name", "lanyard-grants-test-node2"));
        }
        return new ResourceLocalJpaTransactions(secondNode);
    }
}
