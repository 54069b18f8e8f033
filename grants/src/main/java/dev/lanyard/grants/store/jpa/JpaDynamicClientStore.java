package dev.lanyard.grants.store.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.internal.jpa.DynamicClientEntity;
import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;

/**
 * Dynamically registered clients in a database (table {@code lanyard_dynamic_client}): every node sees a registration
 * as soon as it is committed, and registrations survive restarts. Recording the first token is one conditional
 * update.
 */
public final class JpaDynamicClientStore implements DynamicClientStore {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaDynamicClientStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(DynamicClientRecord registration) {
        Upsert.save(tx, DynamicClientEntity.of(registration));
    }

    @Override
    public Optional<DynamicClientRecord> find(String clientId) {
        return tx.execute(em -> Optional.ofNullable(em.find(DynamicClientEntity.class, clientId))
                .map(DynamicClientEntity::toRecord));
    }

    @Override
    public boolean delete(String clientId) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardDynamicClient c WHERE c.clientId = :id")
                .setParameter("id", clientId)
                .executeUpdate()) > 0;
    }

    @Override
    public boolean markUsed(String clientId, Instant at) {
        return tx.execute(em -> em.createQuery("UPDATE LanyardDynamicClient c SET c.firstTokenAt = :at"
                        + " WHERE c.clientId = :id AND c.firstTokenAt IS NULL")
                .setParameter("at", at.toEpochMilli())
                .setParameter("id", clientId)
                .executeUpdate()) > 0;
    }

    @Override
    public List<DynamicClientRecord> findUnused(String fingerprint) {
        return tx.execute(em -> em.createQuery("SELECT c FROM LanyardDynamicClient c WHERE c.fingerprint = :fp"
                        + " AND c.firstTokenAt IS NULL ORDER BY c.issuedAt, c.clientId", DynamicClientEntity.class)
                .setParameter("fp", fingerprint)
                .getResultList().stream().map(DynamicClientEntity::toRecord).toList());
    }

    @Override
    public int purgeUnused(Instant issuedBefore) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardDynamicClient c WHERE c.firstTokenAt IS NULL"
                        + " AND c.issuedAt < :before")
                .setParameter("before", issuedBefore.toEpochMilli())
                .executeUpdate());
    }
}
