package dev.lanyard.grants.idjag;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.lanyard.discovery.client.DiscoveryException;
import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;

/**
 * Trusted IdPs configured by issuer alone: each one's {@code jwks_uri} comes from its RFC 8414 (or OpenID Connect
 * discovery) metadata, fetched through the SSRF-safe fetcher and validated by
 * {@link McpAuthorizationDiscovery#authorizationServer(String)} ({@code issuer} identical to the configured one,
 * RFC 8414 §3.3), and cached as its {@code Cache-Control} allows. Metadata that cannot be fetched, or has no
 * {@code jwks_uri}, leaves the issuer without keys for now: its ID-JAGs are refused, nothing is cached.
 */
public final class DiscoveredIdentityProviders implements TrustedIdentityProviders {

    private static final System.Logger LOG = System.getLogger(DiscoveredIdentityProviders.class.getName());

    private final Set<String> issuers;
    private final Function<String, AuthorizationServerMetadata> metadata;

    /**
     * @param issuers   the trusted issuer identifiers, compared exactly with {@code iss}
     * @param discovery the discovery of authorization server metadata
     */
    public DiscoveredIdentityProviders(Collection<String> issuers, McpAuthorizationDiscovery discovery) {
        this(issuers, discovery::authorizationServer);
    }

    /**
     * @param issuers  the trusted issuer identifiers
     * @param metadata the validated metadata of an issuer; throws {@link DiscoveryException} when there is none
     */
    public DiscoveredIdentityProviders(Collection<String> issuers,
            Function<String, AuthorizationServerMetadata> metadata) {
        this.issuers = Set.copyOf(issuers);
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public boolean trusts(String issuer) {
        return issuers.contains(issuer);
    }

    @Override
    public Optional<URI> jwksUri(String issuer) {
        if (!trusts(issuer)) {
            return Optional.empty();
        }
        try {
            return metadata.apply(issuer).jwksUri();
        } catch (DiscoveryException e) {
            LOG.log(System.Logger.Level.WARNING, "No usable metadata for trusted IdP {0}: {1}", issuer,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
