package dev.lanyard.grants.store.jpa;

/**
 * The JPA stores and how to add their tables to a persistence unit.
 *
 * <p>Add {@code <mapping-file>META-INF/lanyard-grants-orm.xml</mapping-file>} ({@link #MAPPING_FILE}) to the unit:
 * it lists the entities (tables {@code lanyard_auth_code}, {@code lanyard_refresh_token}, {@code lanyard_consent},
 * {@code lanyard_replay}, {@code lanyard_revoked_jti}, {@code lanyard_signing_key}, {@code lanyard_dynamic_client},
 * {@code lanyard_cimd_document}). Columns are portable types only
 * (strings, longs, booleans; instants as epoch milliseconds), so the schema works on H2 and PostgreSQL alike.
 * One-time operations are conditional updates or unique-key inserts, correct on any number of nodes sharing the
 * database under READ COMMITTED.
 */
public final class JpaStores {

    /** The mapping file that lists the entities. */
    public static final String MAPPING_FILE = "META-INF/lanyard-grants-orm.xml";

    private JpaStores() {
    }
}
