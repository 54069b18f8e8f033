package dev.lanyard.grants.store.memory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.grants.store.Consent;
import dev.lanyard.grants.store.ConsentStore;
import dev.lanyard.grants.store.StoreCapacityException;

/** Consents in memory, for one node: bounded. */
public final class InMemoryConsentStore implements ConsentStore {

    private final Map<Key, Consent> consents = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** @param maxEntries the most consents kept; when full, saving a new one fails */
    public InMemoryConsentStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** A store of at most 100,000 consents. */
    public InMemoryConsentStore() {
        this(100_000);
    }

    private record Key(String subject, String clientId) {
    }

    @Override
    public void save(Consent consent) {
        Key key = new Key(consent.subject(), consent.clientId());
        if (consents.size() >= maxEntries && !consents.containsKey(key)) {
            throw new StoreCapacityException("consent store");
        }
        consents.put(key, consent);
    }

    @Override
    public Optional<Consent> find(String subject, String clientId) {
        return Optional.ofNullable(consents.get(new Key(subject, clientId)));
    }

    @Override
    public boolean withdraw(String subject, String clientId) {
        return consents.remove(new Key(subject, clientId)) != null;
    }
}
