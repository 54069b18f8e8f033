package dev.lanyard.grants.store.jpa;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.grants.internal.jpa.ConsentEntity;
import dev.lanyard.grants.internal.jpa.RefreshTokenEntity;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.RefreshTokenStore;

/**
 * Refresh token families in a database. {@link #rotate} is one transaction: a conditional
 * {@code UPDATE ... SET state = 'ROTATED' WHERE state = 'ACTIVE'} and, only when it changed the row, the insert of
 * the successor.
 */
public final class JpaRefreshTokenStore implements RefreshTokenStore {

    private static final String ACTIVE = RefreshTokenState.ACTIVE.name();
    private static final String ROTATED = RefreshTokenState.ROTATED.name();
    private static final String REVOKED = RefreshTokenState.REVOKED.name();

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaRefreshTokenStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(RefreshTokenRecord token) {
        tx.execute(em -> {
            em.persist(RefreshTokenEntity.of(token));
            return null;
        });
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        return tx.execute(em -> Optional.ofNullable(em.find(RefreshTokenEntity.class, tokenHash))
                .map(RefreshTokenEntity::toRecord));
    }

    @Override
    public boolean rotate(String oldTokenHash, RefreshTokenRecord successor) {
        return tx.execute(em -> {
            int rows = em.createQuery("UPDATE LanyardRefreshToken t SET t.state = :rotated"
                            + " WHERE t.tokenHash = :hash AND t.state = :active")
                    .setParameter("rotated", ROTATED)
                    .setParameter("hash", oldTokenHash)
                    .setParameter("active", ACTIVE)
                    .executeUpdate();
            if (rows != 1) {
                return false;
            }
            em.persist(RefreshTokenEntity.of(successor));
            return true;
        });
    }

    @Override
    public int revokeFamily(String familyId) {
        return tx.execute(em -> em.createQuery("UPDATE LanyardRefreshToken t SET t.state = :revoked"
                        + " WHERE t.familyId = :family AND t.state <> :revoked")
                .setParameter("revoked", REVOKED)
                .setParameter("family", familyId)
                .executeUpdate());
    }

    @Override
    public int revokeAll(String subject, String clientId) {
        // owner_key finds the rows through its index; a row from before the column existed has none
        return tx.execute(em -> em.createQuery("UPDATE LanyardRefreshToken t SET t.state = :revoked"
                        + " WHERE (t.ownerKey = :owner OR t.ownerKey IS NULL)"
                        + " AND t.subject = :subject AND t.clientId = :client AND t.state <> :revoked")
                .setParameter("revoked", REVOKED)
                .setParameter("owner", ConsentEntity.key(subject, clientId))
                .setParameter("subject", subject)
                .setParameter("client", clientId)
                .executeUpdate());
    }

    @Override
    public int purgeExpired(Instant before) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardRefreshToken t WHERE t.familyExpiresAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate());
    }
}
