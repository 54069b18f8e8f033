package dev.lanyard.grants.internal.jpa;

import java.sql.SQLException;

/** Tells a unique-key violation apart from other database failures. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Whether {@code failure} was caused by an integrity constraint violation (SQLSTATE class 23, as H2 and
     * PostgreSQL report a duplicate key).
     */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
