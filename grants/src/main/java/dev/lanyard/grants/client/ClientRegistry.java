package dev.lanyard.grants.client;

import java.util.Optional;

/**
 * Finds clients by {@code client_id}: the service provider interface the token, revocation and introspection logic
 * reads clients through. Implementations: {@link InMemoryClientRegistry}, or one backed by configuration, CIMD
 * resolution or dynamic registration.
 */
@FunctionalInterface
public interface ClientRegistry {

    /**
     * The client registered under {@code clientId}.
     *
     * @param clientId a {@code client_id} as received (compared exactly)
     * @return the client, or empty when unknown
     */
    Optional<RegisteredClient> find(String clientId);
}
