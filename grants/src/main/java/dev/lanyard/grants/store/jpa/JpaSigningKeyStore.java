package dev.lanyard.grants.store.jpa;

import java.util.List;

import jakarta.persistence.PersistenceException;

import dev.lanyard.grants.internal.jpa.Constraints;
import dev.lanyard.grants.internal.jpa.SigningKeyEntity;
import dev.lanyard.grants.store.KeyStatus;
import dev.lanyard.grants.store.SigningKeyStore;
import dev.lanyard.grants.store.StoredSigningKey;

/**
 * Signing keys in a database, shared by every node. The unique generation makes "add the next key" atomic across
 * nodes. Private keys are stored as JWK JSON: protect the database (or its column) accordingly.
 */
public final class JpaSigningKeyStore implements SigningKeyStore {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaSigningKeyStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<StoredSigningKey> list() {
        return tx.execute(em -> em.createQuery("SELECT k FROM LanyardSigningKey k ORDER BY k.generation",
                        SigningKeyEntity.class)
                .getResultList().stream().map(SigningKeyEntity::toRecord).toList());
    }

    @Override
    public boolean add(StoredSigningKey key) {
        try {
            return tx.execute(em -> {
                em.persist(SigningKeyEntity.of(key));
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
    public void setStatus(String kid, KeyStatus status) {
        tx.execute(em -> em.createQuery("UPDATE LanyardSigningKey k SET k.status = :status WHERE k.kid = :kid")
                .setParameter("status", status.name())
                .setParameter("kid", kid)
                .executeUpdate());
    }

    @Override
    public void delete(String kid) {
        tx.execute(em -> em.createQuery("DELETE FROM LanyardSigningKey k WHERE k.kid = :kid")
                .setParameter("kid", kid)
                .executeUpdate());
    }
}
