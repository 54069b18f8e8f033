package dev.lanyard.as.internal;

import java.util.List;
import java.util.Optional;

import dev.lanyard.grants.client.ClientRegistry;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;

/**
 * The default client registry: the configured clients first, then dynamically registered ones, and only for an
 * identifier that looks like an https URL and is neither, its Client ID Metadata Document (draft §7.1: the prefix
 * alone is no reliable signal).
 */
final class CimdClientRegistry implements ClientRegistry {

    private final InMemoryClientRegistry configured;
    private final DynamicRegistration registered;
    private final CimdSupport cimd;

    CimdClientRegistry(List<RegisteredClient> configured, DynamicRegistration registered, CimdSupport cimd) {
        this.configured = new InMemoryClientRegistry(configured);
        this.registered = registered;
        this.cimd = cimd;
    }

    @Override
    public Optional<RegisteredClient> find(String clientId) {
        Optional<RegisteredClient> known = configured.find(clientId);
        if (known.isEmpty() && registered.isEnabled()) {
            known = registered.find(clientId);
        }
        return known.isPresent() ? known : cimd.find(clientId);
    }
}
