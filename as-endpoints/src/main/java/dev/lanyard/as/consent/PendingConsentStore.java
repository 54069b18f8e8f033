package dev.lanyard.as.consent;

import java.time.Instant;
import java.util.Optional;

/**
 * Authorization requests waiting on the consent page. The default keeps them in memory on one node
 * ({@link InMemoryPendingConsentStore}): behind a load balancer, use sticky sessions or replace it with an
 * {@code @Alternative @Priority(...)} CDI bean over a shared store.
 */
public interface PendingConsentStore {

    /**
     * Keeps a pending request until its expiry.
     *
     * @throws dev.lanyard.grants.store.StoreCapacityException when the store is full of live entries
     */
    void save(PendingConsent pending);

    /**
     * Removes and returns the pending request with this id, atomically, if it has not expired at {@code now}: each
     * consent page can be answered once.
     */
    Optional<PendingConsent> take(String id, Instant now);
}
