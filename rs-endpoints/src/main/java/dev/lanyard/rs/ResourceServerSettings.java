package dev.lanyard.rs;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.Scope;

/**
 * The resource server's settings, one record, read from MicroProfile Config by the module's producer (keys in
 * {@link RsConfigKeys}) or built directly in tests.
 *
 * @param resource              this resource's identifier
 * @param authorizationServers  trusted issuers; at least one (MCP 2026-07-28)
 * @param scopesSupported       published scopes
 * @param resourceName          published name
 * @param resourceDocumentation published documentation URL
 * @param scopeHierarchy        which scopes imply which
 * @param requiredScopes        scopes every request needs (servlet filter default)
 * @param realm                 challenge realm
 * @param algorithms            accepted JWS algorithms
 * @param leeway                clock leeway
 * @param jwksUri               JWKS override
 * @param jwksRefetchCooldown   minimum time between refetches on unknown {@code kid}
 * @param cacheSize             verified-token cache size
 * @param maxTokenLength        largest token accepted
 * @param allowLoopback         development only: fetch from loopback
 * @param introspection         RFC 7662 introspection of opaque tokens, when configured
 */
public record ResourceServerSettings(String resource, List<String> authorizationServers, List<String> scopesSupported,
        Optional<String> resourceName, Optional<URI> resourceDocumentation, ScopeHierarchy scopeHierarchy,
        Scope requiredScopes, String realm, Set<String> algorithms, Duration leeway, Optional<URI> jwksUri,
        Duration jwksRefetchCooldown, int cacheSize, int maxTokenLength, boolean allowLoopback,
        Optional<Introspection> introspection) {

    /**
     * Where and how to introspect opaque tokens (RFC 7662 §2.1): the endpoint, and this resource server's client
     * credentials at the authorization server (sent with HTTP Basic).
     *
     * @param endpoint     the introspection endpoint
     * @param clientId     this resource server's client id
     * @param clientSecret its secret; never shown
     */
    public record Introspection(URI endpoint, String clientId, String clientSecret) {
        public Introspection {
            java.util.Objects.requireNonNull(endpoint, "endpoint");
            java.util.Objects.requireNonNull(clientId, "clientId");
            java.util.Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "Introspection[endpoint=" + endpoint + ", clientId=" + clientId + "]";
        }
    }

    /** The algorithms accepted when none are configured. */
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("ES256", "RS256", "PS256");

    public ResourceServerSettings {
        Objects.requireNonNull(resource, "resource");
        authorizationServers = List.copyOf(authorizationServers);
        if (authorizationServers.isEmpty()) {
            throw new IllegalArgumentException(RsConfigKeys.AUTHORIZATION_SERVERS
                    + " needs at least one issuer (MCP 2026-07-28: authorization_servers has at least one entry)");
        }
        scopesSupported = List.copyOf(scopesSupported);
        if (scopesSupported.contains("offline_access")) {
            // MCP 2026-07-28: SHOULD NOT put offline_access in PRM scopes_supported
            throw new IllegalArgumentException(RsConfigKeys.SCOPES_SUPPORTED + " must not list offline_access");
        }
        algorithms = Set.copyOf(algorithms);
        for (String alg : algorithms) {
            if (alg.equalsIgnoreCase("none") || alg.toUpperCase(java.util.Locale.ROOT).startsWith("HS")) {
                throw new IllegalArgumentException(RsConfigKeys.ALGORITHMS + " must not contain none or HMAC: " + alg);
            }
        }
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(RsConfigKeys.LEEWAY + " must be between 0 and PT5M");
        }
        if (cacheSize < 0 || maxTokenLength < 64) {
            throw new IllegalArgumentException(RsConfigKeys.CACHE_SIZE + " / " + RsConfigKeys.MAX_TOKEN_LENGTH);
        }
    }

    /** Settings with defaults for everything but the resource and its authorization servers. */
    public static ResourceServerSettings of(String resource, List<String> authorizationServers) {
        return new ResourceServerSettings(resource, authorizationServers, List.of(), Optional.empty(),
                Optional.empty(), ScopeHierarchy.flat(), Scope.of(), resource, DEFAULT_ALGORITHMS,
                Duration.ofSeconds(60), Optional.empty(), Duration.ofSeconds(60), 10_000, 8192, false, Optional.empty());
    }

    /** A copy with another scope hierarchy. */
    public ResourceServerSettings withScopeHierarchy(ScopeHierarchy hierarchy) {
        return new ResourceServerSettings(resource, authorizationServers, scopesSupported, resourceName,
                resourceDocumentation, hierarchy, requiredScopes, realm, algorithms, leeway, jwksUri,
                jwksRefetchCooldown, cacheSize, maxTokenLength, allowLoopback, introspection);
    }

    /** A copy with the given JWKS override. */
    public ResourceServerSettings withJwksUri(URI uri) {
        return new ResourceServerSettings(resource, authorizationServers, scopesSupported, resourceName,
                resourceDocumentation, scopeHierarchy, requiredScopes, realm, algorithms, leeway, Optional.of(uri),
                jwksRefetchCooldown, cacheSize, maxTokenLength, allowLoopback, introspection);
    }

    /** A copy that introspects opaque tokens. */
    public ResourceServerSettings withIntrospection(Introspection config) {
        return new ResourceServerSettings(resource, authorizationServers, scopesSupported, resourceName,
                resourceDocumentation, scopeHierarchy, requiredScopes, realm, algorithms, leeway, jwksUri,
                jwksRefetchCooldown, cacheSize, maxTokenLength, allowLoopback, Optional.of(config));
    }
}
