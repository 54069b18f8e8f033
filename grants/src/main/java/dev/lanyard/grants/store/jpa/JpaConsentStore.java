package dev.lanyard.grants.store.jpa;

import java.util.Optional;

import dev.lanyard.grants.internal.jpa.ConsentEntity;
import dev.lanyard.grants.store.Consent;
import dev.lanyard.grants.store.ConsentStore;

/** Consents in a database. */
public final class JpaConsentStore implements ConsentStore {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaConsentStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Consent consent) {
        Upsert.save(tx, ConsentEntity.of(consent));
    }

    @Override
    public Optional<Consent> find(String subject, String clientId) {
        return tx.execute(em -> Optional.ofNullable(em.find(ConsentEntity.class, ConsentEntity.key(subject, clientId)))
                .map(ConsentEntity::toRecord));
    }

    @Override
    public boolean withdraw(String subject, String clientId) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardConsent c WHERE c.consentKey = :key")
                .setParameter("key", ConsentEntity.key(subject, clientId))
                .executeUpdate()) > 0;
    }
}
