package dev.lanyard.grants.store.jpa;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * Runs one unit of work in its own transaction. Every store operation is one call, so each atomic operation of a
 * store is one transaction.
 *
 * <p>{@link ResourceLocalJpaTransactions} serves Java SE and tests. In a Jakarta EE container, implement it with a
 * bean whose method is {@code @Transactional(REQUIRES_NEW)} and uses a container-managed {@code EntityManager}.
 */
@FunctionalInterface
public interface JpaTransactions {

    /**
     * Runs {@code work} in a new transaction, commits it, and returns its result; rolls back and rethrows when
     * {@code work} or the commit fails.
     */
    <T> T execute(Function<EntityManager, T> work);
}
