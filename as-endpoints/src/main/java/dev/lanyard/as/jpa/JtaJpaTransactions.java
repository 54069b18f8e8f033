package dev.lanyard.as.jpa;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * {@link dev.lanyard.grants.store.jpa.JpaTransactions} in a Jakarta EE container: each unit of work runs in its own
 * JTA transaction, begun and committed through {@link UserTransaction}, on a container-managed, transaction-scoped
 * {@link EntityManager} whose persistence unit lists {@code META-INF/lanyard-grants-orm.xml}.
 *
 * <p>User transactions do not nest: calling a store from inside a transaction the caller began fails with
 * {@link IllegalStateException} rather than folding the store's one-time operation into the caller's unit of work
 * (a unique-key violation would then mark the caller's transaction for rollback).
 */
public final class JtaJpaTransactions implements dev.lanyard.grants.store.jpa.JpaTransactions {

    private final Supplier<EntityManager> entityManager;
    private final Supplier<UserTransaction> transaction;

    /**
     * @param entityManager the container-managed, transaction-scoped persistence context
     * @param transaction   the container's user transaction
     */
    public JtaJpaTransactions(Supplier<EntityManager> entityManager, Supplier<UserTransaction> transaction) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transaction = Objects.requireNonNull(transaction, "transaction");
    }

    @Override
    public <T> T execute(Function<EntityManager, T> work) {
        UserTransaction tx = transaction.get();
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                throw new IllegalStateException("a Lanyard store operation runs in its own transaction; "
                        + "call it outside of any JTA transaction");
            }
            tx.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("cannot begin a JTA transaction", e);
        }
        T result;
        try {
            result = work.apply(entityManager.get());
        } catch (RuntimeException | Error e) {
            rollback(tx, e);
            throw e;
        }
        try {
            tx.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new jakarta.persistence.PersistenceException("commit failed", e);
        }
        return result;
    }

    private static void rollback(UserTransaction tx, Throwable cause) {
        try {
            tx.rollback();
        } catch (SystemException | IllegalStateException e) {
            cause.addSuppressed(e);
        }
    }
}
