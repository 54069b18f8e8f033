package dev.lanyard.discovery.publish;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.Documentation;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.EndpointAuth;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.Endpoints;

/**
 * Builds the RFC 8414 metadata an OAuth 2.1 authorization server publishes. Whatever the settings, the result always
 * has:
 *
 * <ul>
 *   <li>{@code response_types_supported: ["code"]} and an explicit {@code grant_types_supported} without
 *       {@code implicit} or {@code password} (OAuth 2.1 removes both; RFC 8414 §2 would otherwise default to
 *       implicit);</li>
 *   <li>{@code code_challenge_methods_supported: ["S256"]}, never {@code plain} (OAuth 2.1 §4.1.1, MCP);</li>
 *   <li>{@code authorization_response_iss_parameter_supported: true} (RFC 9207 §3);</li>
 *   <li>{@code token_endpoint_auth_methods_supported} published explicitly, signing algorithms without
 *       {@code none} (RFC 8414 §2);</li>
 *   <li>every endpoint and {@code jwks_uri} on https (plain http only when the issuer itself is a loopback
 *       development address).</li>
 * </ul>
 *
 * <p>Endpoints default to paths under the issuer ({@code /authorize}, {@code /token}, {@code /jwks}); the optional
 * ones (registration, revocation, introspection) are published only when set. Settings that would break a rule above
 * throw {@link IllegalArgumentException} naming it. A-062 is the acceptance check.
 *
 * <p>Specifications: RFC 8414 §2; RFC 9207 §3; {@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.1.1, §1.5;
 * draft-ietf-oauth-client-id-metadata-document §6; RFC 9700 §2.1.1.
 */
public final class AuthorizationServerMetadataFactory {

    /** The grant types OAuth 2.1 removed; never published. */
    public static final List<String> REMOVED_GRANT_TYPES = List.of("implicit", "password");

    private final String issuer;
    private URI authorization;
    private URI token;
    private URI jwks;
    private Optional<URI> registration = Optional.empty();
    private Optional<URI> revocation = Optional.empty();
    private Optional<URI> introspection = Optional.empty();
    private List<GrantType> grantTypes = List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
    private List<ClientAuthMethod> authMethods = List.of(ClientAuthMethod.CLIENT_SECRET_BASIC,
            ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.PRIVATE_KEY_JWT, ClientAuthMethod.NONE);
    private List<String> authSigningAlgs = List.of("RS256", "PS256", "ES256");
    private List<String> scopes = List.of();
    private boolean clientIdMetadataDocuments;
    private List<String> grantProfiles = List.of();
    private List<TokenTypeUri> chainingTokenTypes = List.of();
    private List<String> dpopAlgs = List.of();
    private List<String> detailsTypes = List.of();
    private Optional<URI> serviceDocumentation = Optional.empty();

    private AuthorizationServerMetadataFactory(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.authorization = PublishedUrls.under(issuer, "/authorize");
        this.token = PublishedUrls.under(issuer, "/token");
        this.jwks = PublishedUrls.under(issuer, "/jwks");
    }

    /**
     * A factory for {@code issuer}: an https URL without query or fragment (RFC 8414 §2), fixed by configuration and
     * never taken from request headers.
     */
    public static AuthorizationServerMetadataFactory forIssuer(String issuer) {
        PublishedUrls.requireSecure(issuer, issuer, "issuer");
        return new AuthorizationServerMetadataFactory(issuer);
    }

    /** The authorization, token and JWK Set endpoints, when not {@code /authorize}, {@code /token}, {@code /jwks}. */
    public AuthorizationServerMetadataFactory endpoints(URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {
        this.authorization = Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        this.token = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.jwks = Objects.requireNonNull(jwksUri, "jwksUri");
        return this;
    }

    /** Publishes {@code registration_endpoint} (RFC 7591) at {@code url}. */
    public AuthorizationServerMetadataFactory registrationEndpoint(URI url) {
        this.registration = Optional.of(url);
        return this;
    }

    /** Publishes {@code revocation_endpoint} (RFC 7009) at {@code url}. */
    public AuthorizationServerMetadataFactory revocationEndpoint(URI url) {
        this.revocation = Optional.of(url);
        return this;
    }

    /** Publishes {@code introspection_endpoint} (RFC 7662) at {@code url}. */
    public AuthorizationServerMetadataFactory introspectionEndpoint(URI url) {
        this.introspection = Optional.of(url);
        return this;
    }

    /** The grant types; {@code authorization_code} and {@code refresh_token} by default. */
    public AuthorizationServerMetadataFactory grantTypes(List<GrantType> types) {
        this.grantTypes = List.copyOf(types);
        return this;
    }

    /** Token endpoint client authentication methods, and the JWT signing algorithms for the JWT methods. */
    public AuthorizationServerMetadataFactory tokenEndpointAuth(List<ClientAuthMethod> methods,
            List<String> signingAlgs) {
        this.authMethods = List.copyOf(methods);
        this.authSigningAlgs = List.copyOf(signingAlgs);
        return this;
    }

    /** {@code scopes_supported}; omitted when empty. */
    public AuthorizationServerMetadataFactory scopes(List<String> supported) {
        this.scopes = List.copyOf(supported);
        return this;
    }

    /** Publishes {@code client_id_metadata_document_supported: true} (CIMD §6). */
    public AuthorizationServerMetadataFactory clientIdMetadataDocuments(boolean supported) {
        this.clientIdMetadataDocuments = supported;
        return this;
    }

    /** Publishes the ID-JAG grant profile (ID-JAG §7) and adds the jwt-bearer grant type it needs. */
    public AuthorizationServerMetadataFactory idJagGrantProfile() {
        this.grantProfiles = List.of(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE);
        if (!grantTypes.contains(GrantType.JWT_BEARER)) {
            List<GrantType> more = new ArrayList<>(grantTypes);
            more.add(GrantType.JWT_BEARER);
            grantTypes = List.copyOf(more);
        }
        return this;
    }

    /** For an IdP role: the token types it issues by token exchange for identity chaining (ID-JAG §7). */
    public AuthorizationServerMetadataFactory identityChainingTokenTypes(List<TokenTypeUri> types) {
        this.chainingTokenTypes = List.copyOf(types);
        return this;
    }

    /** {@code dpop_signing_alg_values_supported} (RFC 9449 §5.1): the algorithms of DPoP proofs accepted. */
    public AuthorizationServerMetadataFactory dpopSigningAlgorithms(List<String> algorithms) {
        this.dpopAlgs = List.copyOf(algorithms);
        return this;
    }

    /**
     * {@code authorization_details_types_supported} (RFC 9396 §10): the authorization details types this server
     * processes; not published when empty.
     */
    public AuthorizationServerMetadataFactory authorizationDetailsTypes(List<String> types) {
        this.detailsTypes = List.copyOf(types);
        return this;
    }

    /** {@code service_documentation}. */
    public AuthorizationServerMetadataFactory serviceDocumentation(URI url) {
        this.serviceDocumentation = Optional.of(url);
        return this;
    }

    /**
     * The metadata.
     *
     * @throws IllegalArgumentException naming the rule when the settings break one
     */
    public AuthorizationServerMetadata build() {
        for (GrantType grant : grantTypes) {
            if (REMOVED_GRANT_TYPES.contains(grant.value())) {
                throw new IllegalArgumentException("grant type " + grant.value() + " is removed by OAuth 2.1 and is "
                        + "never published (RFC 9700 §2.1.1, §2.4)");
            }
        }
        if (grantTypes.isEmpty()) {
            throw new IllegalArgumentException("grant_types_supported is published explicitly: RFC 8414 §2 would "
                    + "default an absent list to authorization_code and implicit");
        }
        if (authMethods.isEmpty()) {
            throw new IllegalArgumentException("token_endpoint_auth_methods_supported is published explicitly "
                    + "(RFC 8414 §2 default client_secret_basic)");
        }
        List<URI> urls = new ArrayList<>(List.of(authorization, token, jwks));
        registration.ifPresent(urls::add);
        revocation.ifPresent(urls::add);
        introspection.ifPresent(urls::add);
        for (URI url : urls) {
            PublishedUrls.requireSecure(url.toString(), issuer, "endpoint");
        }
        boolean jwt = authMethods.contains(ClientAuthMethod.PRIVATE_KEY_JWT)
                || authMethods.contains(ClientAuthMethod.CLIENT_SECRET_JWT);
        EndpointAuth tokenAuth = new EndpointAuth(authMethods, jwt ? authSigningAlgs : List.of());
        EndpointAuth otherAuth = revocation.isPresent() || introspection.isPresent() ? tokenAuth : EndpointAuth.EMPTY;
        return new AuthorizationServerMetadata(issuer,
                new Endpoints(Optional.of(authorization), Optional.of(token), registration, revocation,
                        introspection, Optional.empty()),
                Optional.of(jwks), scopes, List.of("code"), List.of("query"), grantTypes, tokenAuth,
                new Documentation(serviceDocumentation, List.of(), Optional.empty(), Optional.empty()),
                revocation.isPresent() ? otherAuth : EndpointAuth.EMPTY,
                introspection.isPresent() ? otherAuth : EndpointAuth.EMPTY,
                List.of(AuthorizationServerMetadata.S256), Optional.empty(), Optional.of(true),
                clientIdMetadataDocuments ? Optional.of(true) : Optional.empty(), Optional.empty(), dpopAlgs,
                chainingTokenTypes, grantProfiles, detailsTypes());
    }

    private Map<String, JsonValue> detailsTypes() {
        if (detailsTypes.isEmpty()) {
            return Map.of();
        }
        JsonArrayBuilder types = JsonProvider.provider().createArrayBuilder();
        detailsTypes.forEach(types::add);
        // RFC 9396 §10: a JSON array of the authorization details types supported
        return Map.of("authorization_details_types_supported", types.build());
    }
}
