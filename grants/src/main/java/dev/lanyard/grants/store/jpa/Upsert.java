package dev.lanyard.grants.store.jpa;

import jakarta.persistence.PersistenceException;

import dev.lanyard.grants.internal.jpa.Constraints;

/**
 * Saves a row that may already exist. {@code merge} reads, then inserts when it found nothing: two units of work that
 * save the same new key at once (two nodes, a form submitted twice) both insert, and the later one fails on the
 * primary key. Once that other row is committed, merging again updates it, so a duplicate-key failure is retried.
 */
final class Upsert {

    /** A retry can meet a concurrent delete and insert again; three attempts settle any real interleaving. */
    private static final int ATTEMPTS = 3;

    private Upsert() {
    }

    /** Inserts {@code entity}, or replaces the row with its key. */
    static void save(JpaTransactions tx, Object entity) {
        for (int attempt = 1;; attempt++) {
            try {
                tx.execute(em -> {
                    em.merge(entity);
                    em.flush();
                    return null;
                });
                return;
            } catch (PersistenceException e) {
                if (attempt == ATTEMPTS || !Constraints.isConstraintViolation(e)) {
                    throw e;
                }
                // the same key was inserted by another unit of work since this one read: merge again updates it
            }
        }
    }
}
