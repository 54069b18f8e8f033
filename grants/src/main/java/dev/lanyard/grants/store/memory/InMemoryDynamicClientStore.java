package dev.lanyard.grants.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanyard.grants.store.DynamicClientRecord;
import dev.lanyard.grants.store.DynamicClientStore;
import dev.lanyard.grants.store.StoreCapacityException;

/** Dynamically registered clients in memory, for one node: bounded, lost on restart. */
public final class InMemoryDynamicClientStore implements DynamicClientStore {

    private final Map<String, DynamicClientRecord> clients = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** @param maxEntries the most registrations kept; when full, a new one is refused */
    public InMemoryDynamicClientStore(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** A store of at most 10,000 registrations. */
    public InMemoryDynamicClientStore() {
        this(10_000);
    }

    @Override
    public void save(DynamicClientRecord registration) {
        if (clients.size() >= maxEntries && !clients.containsKey(registration.clientId())) {
            throw new StoreCapacityException("registered clients");
        }
        clients.put(registration.clientId(), registration);
    }

    @Override
    public Optional<DynamicClientRecord> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public boolean delete(String clientId) {
        return clients.remove(clientId) != null;
    }

    @Override
    public boolean markUsed(String clientId, Instant at) {
        boolean[] changed = {false};
        clients.computeIfPresent(clientId, (id, r) -> {
            if (r.isUsed()) {
                return r;
            }
            changed[0] = true;
            return new DynamicClientRecord(r.client(), r.metadata(), r.registrationTokenHash(), r.fingerprint(),
                    r.issuedAt(), Optional.of(at));
        });
        return changed[0];
    }

    @Override
    public List<DynamicClientRecord> findUnused(String fingerprint) {
        return clients.values().stream().filter(r -> !r.isUsed() && r.fingerprint().equals(fingerprint))
                .sorted(Comparator.comparing(DynamicClientRecord::issuedAt)).toList();
    }

    @Override
    public int purgeUnused(Instant issuedBefore) {
        int n = clients.size();
        clients.values().removeIf(r -> !r.isUsed() && r.issuedAt().isBefore(issuedBefore));
        return n - clients.size();
    }
}
