package dev.lanyard.as.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.grants.store.StoreCapacityException;

/** Pending consents in memory, for one node: bounded, expiring. Thread-safe. */
public final class InMemoryPendingConsentStore implements PendingConsentStore {

    private final Map<String, PendingConsent> pending = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    /**
     * @param maxEntries the most pending requests kept; when full, expired ones are dropped, and if none is, saving
     *                   fails
     * @param clock      the clock that decides expiry when making room
     */
    public InMemoryPendingConsentStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public void save(PendingConsent entry) {
        if (pending.size() >= maxEntries) {
            Instant now = clock.instant();
            pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
            if (pending.size() >= maxEntries) {
                throw new StoreCapacityException("pending consent store");
            }
        }
        pending.put(entry.id(), entry);
    }

    @Override
    public Optional<PendingConsent> take(String id, Instant now) {
        return Optional.ofNullable(pending.remove(id)).filter(p -> now.isBefore(p.expiresAt()));
    }
}
