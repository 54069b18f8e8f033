package dev.lanyard.grants.store.jpa;

import java.util.Objects;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/** {@link JpaTransactions} over a {@code RESOURCE_LOCAL} persistence unit: one entity manager per unit of work. */
public final class ResourceLocalJpaTransactions implements JpaTransactions {

    private final EntityManagerFactory factory;

    /** @param factory the persistence unit's factory, which includes {@link JpaStores#MAPPING_FILE} */
    public ResourceLocalJpaTransactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public <T> T execute(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } finally {
            em.close();
        }
    }
}
