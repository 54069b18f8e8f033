package dev.lanyard.grants.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;

/** Builds a {@link RegisteredClient}; {@link #build()} checks the record's invariants. */
public final class RegisteredClientBuilder {

    private final String clientId;
    private ClientAuthMethod authMethod = ClientAuthMethod.NONE;
    private Optional<String> secretHash = Optional.empty();
    private final List<RedirectUri> redirectUris = new ArrayList<>();
    private final List<GrantType> grantTypes = new ArrayList<>();
    private Scope scope = Scope.of();
    private Optional<String> jwks = Optional.empty();
    private Optional<URI> jwksUri = Optional.empty();
    private Optional<String> signingAlg = Optional.empty();
    private Optional<String> clientName = Optional.empty();
    private ClientSource source = ClientSource.CONFIGURED;

    RegisteredClientBuilder(String clientId) {
        this.clientId = clientId;
    }

    /** A public client: {@code token_endpoint_auth_method=none}. */
    public RegisteredClientBuilder publicClient() {
        this.authMethod = ClientAuthMethod.NONE;
        this.secretHash = Optional.empty();
        return this;
    }

    /** A confidential client using {@code method} with the secret whose stored form is {@code hash}. */
    public RegisteredClientBuilder secret(ClientAuthMethod method, String hash) {
        this.authMethod = method;
        this.secretHash = Optional.of(hash);
        return this;
    }

    /** A confidential client using {@code private_key_jwt} with the public JWK set {@code jwksJson}. */
    public RegisteredClientBuilder privateKeyJwt(String jwksJson) {
        this.authMethod = ClientAuthMethod.PRIVATE_KEY_JWT;
        this.jwks = Optional.of(jwksJson);
        return this;
    }

    /** A confidential client using {@code private_key_jwt} with keys published at {@code uri}. */
    public RegisteredClientBuilder privateKeyJwt(URI uri) {
        this.authMethod = ClientAuthMethod.PRIVATE_KEY_JWT;
        this.jwksUri = Optional.of(uri);
        return this;
    }

    /** Sets {@code token_endpoint_auth_signing_alg}. */
    public RegisteredClientBuilder signingAlg(String alg) {
        this.signingAlg = Optional.of(alg);
        return this;
    }

    /** Adds redirect URIs. */
    public RegisteredClientBuilder redirectUris(String... uris) {
        for (String u : uris) {
            redirectUris.add(new RedirectUri(u));
        }
        return this;
    }

    /** Adds grant types. */
    public RegisteredClientBuilder grantTypes(GrantType... types) {
        grantTypes.addAll(List.of(types));
        return this;
    }

    /** Sets the scope the client may be granted. */
    public RegisteredClientBuilder scope(Scope allowed) {
        this.scope = allowed;
        return this;
    }

    /** Sets {@code client_name}. */
    public RegisteredClientBuilder clientName(String name) {
        this.clientName = Optional.of(name);
        return this;
    }

    /** Sets where the registration came from. */
    public RegisteredClientBuilder source(ClientSource from) {
        this.source = from;
        return this;
    }

    /**
     * The client.
     *
     * @throws IllegalArgumentException when the combination breaks an invariant of {@link RegisteredClient}
     */
    public RegisteredClient build() {
        ClientType type = authMethod.equals(ClientAuthMethod.NONE) ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
        return new RegisteredClient(clientId, type, authMethod, secretHash, redirectUris, grantTypes, scope, jwks,
                jwksUri, signingAlg, clientName, source);
    }
}
