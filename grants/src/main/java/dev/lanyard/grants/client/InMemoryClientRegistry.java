package dev.lanyard.grants.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ClientRegistry} held in memory, for configured clients and tests. Thread-safe. */
public final class InMemoryClientRegistry implements ClientRegistry {

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();

    /** A registry of {@code initial}. */
    public InMemoryClientRegistry(Collection<RegisteredClient> initial) {
        initial.forEach(c -> clients.put(c.clientId(), c));
    }

    /** An empty registry. */
    public InMemoryClientRegistry() {
    }

    /** Adds or replaces a client. */
    public void register(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    /** Removes a client; its tokens stop working at their next use, since it no longer authenticates. */
    public void remove(String clientId) {
        clients.remove(clientId);
    }

    @Override
    public Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }
}
