package dev.lanyard.grants.idjag;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The IdPs whose ID-JAGs the resource authorization server accepts, and where their signing keys are published
 * ({@value dev.lanyard.spec.ref.Specs#ID_JAG} §4.1, §4.4.1). Never published: the server's metadata lists the ID-JAG
 * profile without any issuer (§8.4).
 *
 * <p>Implementations: {@link #of(Map)} (issuers and their {@code jwks_uri} configured),
 * {@link DiscoveredIdentityProviders} ({@code jwks_uri} from each issuer's validated RFC 8414 metadata).
 */
public interface TrustedIdentityProviders {

    /** Whether ID-JAGs from {@code issuer} (an {@code iss}, compared exactly) are accepted. */
    boolean trusts(String issuer);

    /**
     * Where a trusted issuer publishes its JWK set.
     *
     * @return the {@code jwks_uri}, or empty when the issuer is not trusted or its keys cannot be located now
     */
    Optional<URI> jwksUri(String issuer);

    /** Issuers with configured key locations: {@code issuer -> jwks_uri}. */
    static TrustedIdentityProviders of(Map<String, URI> jwksUris) {
        Map<String, URI> copy = Map.copyOf(jwksUris);
        return new TrustedIdentityProviders() {
            @Override
            public boolean trusts(String issuer) {
                return copy.containsKey(issuer);
            }

            @Override
            public Optional<URI> jwksUri(String issuer) {
                return Optional.ofNullable(copy.get(issuer));
            }
        };
    }
}
