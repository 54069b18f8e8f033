package dev.lanyard.grants.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;

/**
 * A client as the authorization server knows it: what it may do and how it authenticates. Never holds a secret, only
 * its hash ({@link ClientSecrets}).
 *
 * <p>Supported {@code token_endpoint_auth_method}s: {@code none} (public clients), {@code client_secret_basic},
 * {@code client_secret_post} and {@code private_key_jwt}. {@code client_secret_jwt} is refused, because the secret is
 * not kept.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §2.1, §2.4; RFC 7591 §2; RFC 7523 §2.2.
 *
 * @param clientId                    {@code client_id}, compared exactly
 * @param type                        public or confidential; public exactly when the method is {@code none}
 * @param authMethod                  the registered {@code token_endpoint_auth_method}, enforced at the token
 *                                    endpoint
 * @param secretHash                  the stored form of the secret ({@link ClientSecrets#hash}); present exactly for
 *                                    {@code client_secret_basic} and {@code client_secret_post}
 * @param redirectUris                registered redirect URIs
 * @param grantTypes                  the grant types the client may use
 * @param scope                       the scope tokens the client may be granted
 * @param jwks                        the client's public JWK set, as JSON; no private members
 * @param jwksUri                     where the client publishes its JWK set; never together with {@code jwks}
 * @param tokenEndpointAuthSigningAlg {@code token_endpoint_auth_signing_alg}: when present, client assertions must be
 *                                    signed with exactly this algorithm
 * @param clientName                  {@code client_name}, for consent pages
 * @param source                      where the registration came from
 */
public record RegisteredClient(String clientId, ClientType type, ClientAuthMethod authMethod,
        Optional<String> secretHash, List<RedirectUri> redirectUris, List<GrantType> grantTypes, Scope scope,
        Optional<String> jwks, Optional<URI> jwksUri, Optional<String> tokenEndpointAuthSigningAlg,
        Optional<String> clientName, ClientSource source) {

    private static final Set<ClientAuthMethod> SUPPORTED = Set.of(ClientAuthMethod.NONE,
            ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST,
            ClientAuthMethod.PRIVATE_KEY_JWT);

    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(secretHash, "secretHash");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(tokenEndpointAuthSigningAlg, "tokenEndpointAuthSigningAlg");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(source, "source");
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("empty client_id");
        }
        if (!SUPPORTED.contains(authMethod)) {
            throw new IllegalArgumentException("unsupported token_endpoint_auth_method " + authMethod);
        }
        if ((type == ClientType.PUBLIC) != authMethod.equals(ClientAuthMethod.NONE)) {
            throw new IllegalArgumentException("a client is public exactly when its method is none");
        }
        boolean secretMethod = authMethod.isSymmetric();
        if (secretMethod != secretHash.isPresent()) {
            throw new IllegalArgumentException("a secret hash is kept exactly for client_secret_basic and _post");
        }
        if (secretHash.isPresent() && !ClientSecrets.isStoredForm(secretHash.get())) {
            throw new IllegalArgumentException("secretHash is not a stored form of ClientSecrets");
        }
        if (secretMethod && source == ClientSource.CIMD) {
            // CIMD: shared secrets are forbidden for clients identified by a metadata document
            throw new IllegalArgumentException("a CIMD client cannot use a shared secret");
        }
        if (jwks.isPresent() && jwksUri.isPresent()) {
            // RFC 7591 §2: jwks_uri and jwks MUST NOT both be present
            throw new IllegalArgumentException("jwks and jwks_uri are exclusive");
        }
        if (authMethod.equals(ClientAuthMethod.PRIVATE_KEY_JWT) && jwks.isEmpty() && jwksUri.isEmpty()) {
            throw new IllegalArgumentException("private_key_jwt needs jwks or jwks_uri");
        }
        jwks.ifPresent(ClientKeys::requirePublicJwks);
        tokenEndpointAuthSigningAlg.ifPresent(ClientKeys::requireAssertionAlgorithm);
    }

    /** A builder for the client {@code clientId}: public, {@code none}, no grants, from configuration. */
    public static RegisteredClientBuilder builder(String clientId) {
        return new RegisteredClientBuilder(clientId);
    }

    /** Whether the client may use {@code grantType}. */
    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /** Whether the client is confidential. */
    public boolean isConfidential() {
        return type == ClientType.CONFIDENTIAL;
    }
}
