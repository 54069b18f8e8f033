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

    private TestDatabase() {
    }

    /** Units of work on the test database. */
    public static synchronized JpaTransactions transactions() {
        if (factory == null) {
            Path file = Path.of("target", "h2", "grants-test").toAbsolutePath();
            // MODE=LEGACY: EclipseLink 4.0 emits H2 1.x SQL forms that H2 2.x refuses otherwise
            String url = "jdbc:h2:file:" + file + ";MODE=LEGACY;LOCK_TIMEOUT=20000";
            factory = Persistence.createEntityManagerFactory("lanyard-grants-test",
                    Map.of("jakarta.persistence.jdbc.url", url));
        }
        return new ResourceLocalJpaTransactions(factory);
    }
}
