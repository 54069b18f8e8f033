package dev.lanyard.grants.store.jpa;

import java.time.Instant;

import jakarta.persistence.PersistenceException;

import dev.lanyard.grants.internal.jpa.Constraints;
import dev.lanyard.grants.internal.jpa.ReplayEntryEntity;
import dev.lanyard.grants.store.ReplayGuard;

/**
 * A replay guard in a database: one insert under a primary key; a duplicate-key failure means replay. Rows are keyed
 * by the SHA-256 of the key, so keys of any length fit.
 */
public final class JpaReplayGuard implements ReplayGuard {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaReplayGuard(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean firstUse(String key, Instant expiresAt) {
        try {
            return tx.execute(em -> {
                em.persist(ReplayEntryEntity.of(key, expiresAt.toEpochMilli()));
                em.flush();
                return true;
            });
        } catch (PersistenceException e) {
            if (Constraints.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int purgeExpired(Instant before) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardReplay r WHERE r.expiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate());
    }
}
