package dev.lanyard.grants.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import dev.lanyard.grants.store.jpa.JpaTransactions;
import dev.lanyard.grants.store.jpa.ResourceLocalJpaTransactions;

/**
 * The JPA tests' databases, each with the stores' tables, shared by the tests of a run: an H2 file under
 * {@code target/h2} (the embedded default), and PostgreSQL at {@value #POSTGRES_SERVER} (database {@code test}, user
 * {@code postgres}, trust authentication), in a schema of this run's own that is dropped when the JVM ends.
 *
 * <p>An unreachable PostgreSQL fails the tests that use it; {@code -Dlanyard.test.postgres=off} skips them instead
 * (see {@link OnPostgres}).
 */
public final class TestDatabase {

    /** Where PostgreSQL runs on every development and CI machine. */
    public static final String POSTGRES_SERVER = "127.0.0.1:5432";

    private static final String POSTGRES_URL = "jdbc:postgresql://" + POSTGRES_SERVER + "/test";
    private static final String POSTGRES_USER = "postgres";
    private static final String SCHEMA_PREFIX = "lanyard_grants_test_";
    /** A schema left behind by a run that was killed is dropped by a later run once it is this old. */
    private static final Duration STALE_SCHEMA = Duration.ofHours(6);

    private static EntityManagerFactory h2;
    private static EntityManagerFactory h2SecondNode;
    private static EntityManagerFactory postgres;
    private static EntityManagerFactory postgresSecondNode;
    private static String postgresSchema;

    private TestDatabase() {
    }

    /** The databases the multi-node and concurrency tests run on. */
    public enum Kind {
        /** The H2 file. */
        H2,
        /** PostgreSQL, in this run's schema. */
        POSTGRESQL;

        /** Units of work on this database. */
        public JpaTransactions transactions() {
            return this == H2 ? TestDatabase.transactions() : TestDatabase.postgres();
        }

        /** Units of work of a second server on this database. */
        public JpaTransactions secondNode() {
            return this == H2 ? TestDatabase.secondNode() : TestDatabase.postgresSecondNode();
        }
    }

    private static String h2Url() {
        Path file = Path.of("target", "h2", "grants-test").toAbsolutePath();
        // MODE=LEGACY: EclipseLink 4.0 emits H2 1.x SQL forms that H2 2.x refuses otherwise
        return "jdbc:h2:file:" + file + ";MODE=LEGACY;LOCK_TIMEOUT=20000";
    }

    /** Units of work on the H2 test database. */
    public static synchronized JpaTransactions transactions() {
        if (h2 == null) {
            h2 = Persistence.createEntityManagerFactory("lanyard-grants-test",
                    Map.of("jakarta.persistence.jdbc.url", h2Url()));
        }
        return new ResourceLocalJpaTransactions(h2);
    }

    /**
     * Units of work of a second server on the H2 test database: its own persistence unit instance, connections and
     * EclipseLink shared cache (left on, as a deployment might), and no schema generation.
     */
    public static synchronized JpaTransactions secondNode() {
        transactions();
        if (h2SecondNode == null) {
            h2SecondNode = Persistence.createEntityManagerFactory("lanyard-grants-test",
                    secondNodeProperties(Map.of("jakarta.persistence.jdbc.url", h2Url()), "h2"));
        }
        return new ResourceLocalJpaTransactions(h2SecondNode);
    }

    /**
     * Units of work on PostgreSQL, in a schema created for this run; fails with how to start PostgreSQL (or skip)
     * when it cannot be reached.
     */
    public static synchronized JpaTransactions postgres() {
        if (postgres == null) {
            postgresSchema = createSchema();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropPostgresSchema,
                    "lanyard-grants-test-drop-schema"));
            postgres = Persistence.createEntityManagerFactory("lanyard-grants-test", postgresProperties());
        }
        return new ResourceLocalJpaTransactions(postgres);
    }

    /** Units of work of a second server on PostgreSQL, as {@link #secondNode()} is for H2. */
    public static synchronized JpaTransactions postgresSecondNode() {
        postgres();
        if (postgresSecondNode == null) {
            postgresSecondNode = Persistence.createEntityManagerFactory("lanyard-grants-test",
                    secondNodeProperties(postgresProperties(), "pg"));
        }
        return new ResourceLocalJpaTransactions(postgresSecondNode);
    }

    private static Map<String, String> secondNodeProperties(Map<String, String> connection, String database) {
        Map<String, String> p = new HashMap<>(connection);
        p.put("jakarta.persistence.schema-generation.database.action", "none");
        p.put("eclipselink.cache.shared.default", "true");
        p.put("eclipselink.session-name", "lanyard-grants-test-node2-" + database);
        return p;
    }

    private static Map<String, String> postgresProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        p.put("jakarta.persistence.jdbc.url", POSTGRES_URL + "?currentSchema=" + postgresSchema);
        p.put("jakarta.persistence.jdbc.user", POSTGRES_USER);
        p.put("jakarta.persistence.jdbc.password", "");
        p.put("eclipselink.target-database", "PostgreSQL");
        p.put("eclipselink.session-name", "lanyard-grants-test-pg");
        // two nodes' pools stay well under PostgreSQL's default max_connections (100), shared with other runs
        p.put("eclipselink.connection-pool.default.max", "16");
        p.put("eclipselink.connection-pool.read.max", "8");
        return p;
    }

    private static Connection connect() {
        DriverManager.setLoginTimeout(5);
        try {
            return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_URL + " as user "
                    + POSTGRES_USER + " (" + e.getMessage() + "). The JPA multi-node and concurrency tests run on it:"
                    + " start PostgreSQL there (trust auth, database test), or skip those variants explicitly with"
                    + " -Dlanyard.test.postgres=off", e);
        }
    }

    private static String createSchema() {
        long now = Instant.now().getEpochSecond();
        String schema = SCHEMA_PREFIX + now + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            dropStaleSchemas(s, now);
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " on PostgreSQL", e);
        }
        return schema;
    }

    /** Schemas of runs that ended without their shutdown hook (killed), once they are old enough. */
    private static void dropStaleSchemas(Statement s, long now) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '"
                + SCHEMA_PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d{1,19}")
                        && Long.parseLong(parts[0]) < now - STALE_SCHEMA.toSeconds()) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    private static synchronized void dropPostgresSchema() {
        for (EntityManagerFactory f : new EntityManagerFactory[] {postgresSecondNode, postgres}) {
            if (f != null && f.isOpen()) {
                f.close();
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + postgresSchema + " CASCADE");
        } catch (SQLException | IllegalStateException e) {
            // the JVM is ending: say so, a later run drops the schema once it is stale
            System.err.println("could not drop schema " + postgresSchema + ": " + e.getMessage());
        }
    }
}
