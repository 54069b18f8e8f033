package dev.lanyard.discovery.client;

import java.util.Objects;
import java.util.Set;

import dev.lanyard.discovery.fetch.CacheSettings;

/**
 * How {@link McpAuthorizationDiscovery} validates and caches.
 *
 * @param resourceMatch        how PRM {@code resource} is compared with the URL requested; {@link ResourceMatch#EXACT}
 *                             by default (RFC 9728 §3.3)
 * @param preRegisteredIssuers issuers the client holds credentials for: such an issuer is preferred when the PRM
 *                             lists several, and {@link RegistrationOptions#preRegistered()} says so
 * @param cache                bounds of the metadata cache (validated documents only; errors never cached)
 */
public record DiscoveryOptions(ResourceMatch resourceMatch, Set<String> preRegisteredIssuers, CacheSettings cache) {

    public DiscoveryOptions {
        Objects.requireNonNull(resourceMatch, "resourceMatch");
        preRegisteredIssuers = Set.copyOf(preRegisteredIssuers);
        Objects.requireNonNull(cache, "cache");
    }

    /** Exact resource matching, no pre-registered issuer, {@link CacheSettings#metadataDefaults()}. */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(ResourceMatch.EXACT, Set.of(), CacheSettings.metadataDefaults());
    }

    /** These options with another resource matching mode. */
    public DiscoveryOptions withResourceMatch(ResourceMatch match) {
        return new DiscoveryOptions(match, preRegisteredIssuers, cache);
    }

    /** These options with the issuers the client holds credentials for. */
    public DiscoveryOptions withPreRegisteredIssuers(Set<String> issuers) {
        return new DiscoveryOptions(resourceMatch, issuers, cache);
    }

    /** These options with other cache bounds. */
    public DiscoveryOptions withCache(CacheSettings settings) {
        return new DiscoveryOptions(resourceMatch, preRegisteredIssuers, settings);
    }
}
