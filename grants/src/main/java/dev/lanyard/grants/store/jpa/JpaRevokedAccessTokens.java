package dev.lanyard.grants.store.jpa;

import java.time.Instant;

import jakarta.persistence.PersistenceException;

import dev.lanyard.grants.internal.jpa.Constraints;
import dev.lanyard.grants.internal.jpa.RevokedAccessTokenEntity;
import dev.lanyard.grants.store.RevokedAccessTokens;

/** Revoked access token ids in a database. */
public final class JpaRevokedAccessTokens implements RevokedAccessTokens {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaRevokedAccessTokens(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void revoke(String jti, Instant expiresAt) {
        try {
            tx.execute(em -> {
                em.persist(RevokedAccessTokenEntity.of(jti, expiresAt.toEpochMilli()));
                em.flush();
                return null;
            });
        } catch (PersistenceException e) {
            if (!Constraints.isConstraintViolation(e)) {
                throw e;
            }
            // already revoked: idempotent
        }
    }

    @Override
    public boolean isRevoked(String jti) {
        return tx.execute(em -> em.find(RevokedAccessTokenEntity.class, jti) != null);
    }

    @Override
    public int purgeExpired(Instant before) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardRevokedJti r WHERE r.expiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate());
    }
}
