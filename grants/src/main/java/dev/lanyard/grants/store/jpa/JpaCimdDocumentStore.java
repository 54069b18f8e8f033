package dev.lanyard.grants.store.jpa;

import java.time.Instant;
import java.util.Optional;

import dev.lanyard.cimd.CimdDocumentStore;
import dev.lanyard.cimd.StoredCimdDocument;
import dev.lanyard.grants.internal.jpa.CimdDocumentEntity;

/**
 * The shared cache of Client ID Metadata Documents in a database (table {@code lanyard_cimd_document}), for cimd's
 * {@code SharedCimdDocumentCache}: every node serves a document another fetched. A row whose URL differs from the one
 * asked (a hash collision, in theory) is a miss.
 */
public final class JpaCimdDocumentStore implements CimdDocumentStore {

    private final JpaTransactions tx;

    /** @param tx how units of work run */
    public JpaCimdDocumentStore(JpaTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<StoredCimdDocument> get(String clientId) {
        return tx.execute(em -> Optional.ofNullable(em.find(CimdDocumentEntity.class, CimdDocumentEntity.key(clientId)))
                .filter(e -> e.clientId().equals(clientId))
                .map(CimdDocumentEntity::toRecord));
    }

    @Override
    public void put(StoredCimdDocument document) {
        Upsert.save(tx, CimdDocumentEntity.of(document));
    }

    @Override
    public void delete(String clientId) {
        tx.execute(em -> em.createQuery("DELETE FROM LanyardCimdDocument d WHERE d.urlKey = :key")
                .setParameter("key", CimdDocumentEntity.key(clientId))
                .executeUpdate());
    }

    @Override
    public int purgeExpired(Instant now) {
        return tx.execute(em -> em.createQuery("DELETE FROM LanyardCimdDocument d WHERE d.staleUntil <= :now")
                .setParameter("now", now.toEpochMilli())
                .executeUpdate());
    }
}
