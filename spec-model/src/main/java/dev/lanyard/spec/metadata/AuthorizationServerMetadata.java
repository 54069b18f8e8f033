package dev.lanyard.spec.metadata;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.AuthorizationServerMetadataCodec;
import dev.lanyard.spec.internal.json.MetadataReads;
import dev.lanyard.spec.internal.json.UriRule;

/**
 * Authorization server metadata (RFC 8414 §2), with the members of other specs that MCP clients and Lanyard read.
 *
 * <p>Specifications: RFC 8414 §2, §2.1, §3.2; RFC 9207 §3; RFC 9126 §5; RFC 9449 §5.1;
 * draft-ietf-oauth-client-id-metadata-document-02 §6; draft-ietf-oauth-identity-assertion-authz-grant-03 §7.
 * OpenID Connect Discovery members ({@code userinfo_endpoint}, {@code id_token_signing_alg_values_supported},
 * {@code subject_types_supported}, ...), language-tagged members ({@code op_tos_uri#fr}) and every other member are
 * kept, unchanged, in {@link #extensions()}.
 *
 * <p>Lists: an absent member and an empty array both read as an empty list, and an empty list is omitted on output
 * (RFC 8414 §3.2: claims with zero elements MUST be omitted). Defaults that RFC 8414 gives to absent members are
 * applied by the {@code ...OrDefault()} methods, never stored.
 *
 * <p>{@link #parse(JsonObject)} checks the rules of RFC 8414 §2 that concern one document. Comparing {@code issuer}
 * with the issuer the document was fetched for (RFC 8414 §3.3) is the caller's job (discovery).
 *
 * @param issuer                       REQUIRED; an https URL with no query and no fragment, kept as the exact string
 * @param endpoints                    the endpoint URLs; each OPTIONAL, some REQUIRED depending on the grant types
 * @param jwksUri                      OPTIONAL; an https URL of the server's JWK Set
 * @param scopesSupported              RECOMMENDED; scope values
 * @param responseTypesSupported       REQUIRED; never empty
 * @param responseModesSupported       OPTIONAL; default {@code ["query", "fragment"]}
 * @param grantTypesSupported          OPTIONAL; default {@code ["authorization_code", "implicit"]}
 * @param tokenEndpointAuth            {@code token_endpoint_auth_methods_supported} (default
 *                                     {@code client_secret_basic}) and {@code ..._signing_alg_values_supported}
 * @param documentation                the pages for people, and {@code ui_locales_supported}
 * @param revocationEndpointAuth       {@code revocation_endpoint_auth_methods_supported} and its algorithms
 * @param introspectionEndpointAuth    {@code introspection_endpoint_auth_methods_supported} and its algorithms
 * @param codeChallengeMethodsSupported OPTIONAL; absent means the server does not support PKCE
 * @param signedMetadata               OPTIONAL; a signed JWT of metadata values (RFC 8414 §2.1), not verified here
 * @param authorizationResponseIssParameterSupported OPTIONAL (RFC 9207 §3); default false
 * @param clientIdMetadataDocumentSupported OPTIONAL (CIMD §6); default false
 * @param requirePushedAuthorizationRequests OPTIONAL (RFC 9126 §5); default false
 * @param dpopSigningAlgValuesSupported OPTIONAL (RFC 9449 §5.1)
 * @param identityChainingRequestedTokenTypesSupported OPTIONAL (ID-JAG §7); an IdP lists the ID-JAG token type
 * @param authorizationGrantProfilesSupported OPTIONAL (ID-JAG §7); a resource AS lists the ID-JAG profile
 * @param extensions                   every other member, in document order; names never collide with the above
 */
public record AuthorizationServerMetadata(String issuer, Endpoints endpoints, Optional<URI> jwksUri,
        List<String> scopesSupported, List<String> responseTypesSupported, List<String> responseModesSupported,
        List<GrantType> grantTypesSupported, EndpointAuth tokenEndpointAuth, Documentation documentation,
        EndpointAuth revocationEndpointAuth, EndpointAuth introspectionEndpointAuth,
        List<String> codeChallengeMethodsSupported, Optional<String> signedMetadata,
        Optional<Boolean> authorizationResponseIssParameterSupported,
        Optional<Boolean> clientIdMetadataDocumentSupported,
        Optional<Boolean> requirePushedAuthorizationRequests, List<String> dpopSigningAlgValuesSupported,
        List<TokenTypeUri> identityChainingRequestedTokenTypesSupported,
        List<String> authorizationGrantProfilesSupported, Map<String, JsonValue> extensions) {

    /** The ID-JAG grant profile (ID-JAG §7). */
    public static final String ID_JAG_GRANT_PROFILE = "urn:ietf:params:oauth:grant-profile:id-jag";
    /** The PKCE method MCP and OAuth 2.1 require (RFC 7636 §4.2). */
    public static final String S256 = "S256";
    private static final GrantType IMPLICIT = new GrantType("implicit");

    public AuthorizationServerMetadata {
        UriRule.ISSUER.require(Objects.requireNonNull(issuer, "issuer"), "issuer");
        Objects.requireNonNull(endpoints, "endpoints");
        jwksUri.ifPresent(u -> UriRule.HTTPS_URL.require(u.toString(), "jwks_uri"));
        scopesSupported = List.copyOf(scopesSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        responseModesSupported = List.copyOf(responseModesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        Objects.requireNonNull(tokenEndpointAuth, "tokenEndpointAuth");
        Objects.requireNonNull(documentation, "documentation");
        Objects.requireNonNull(revocationEndpointAuth, "revocationEndpointAuth");
        Objects.requireNonNull(introspectionEndpointAuth, "introspectionEndpointAuth");
        codeChallengeMethodsSupported = List.copyOf(codeChallengeMethodsSupported);
        signedMetadata.filter(s -> !MetadataReads.isCompactJws(s)).ifPresent(s -> {
            throw new IllegalArgumentException("signed_metadata is not a JWS");
        });
        Objects.requireNonNull(authorizationResponseIssParameterSupported, "issParameterSupported");
        Objects.requireNonNull(clientIdMetadataDocumentSupported, "clientIdMetadataDocumentSupported");
        Objects.requireNonNull(requirePushedAuthorizationRequests, "requirePushedAuthorizationRequests");
        dpopSigningAlgValuesSupported = List.copyOf(dpopSigningAlgValuesSupported);
        identityChainingRequestedTokenTypesSupported = List.copyOf(identityChainingRequestedTokenTypesSupported);
        authorizationGrantProfilesSupported = List.copyOf(authorizationGrantProfilesSupported);
        extensions = Extensions.copy(extensions, AuthorizationServerMetadataCodec.MEMBERS);
        String problem = AuthorizationServerMetadataCodec.crossMemberProblem(endpoints, responseTypesSupported,
                grantTypesSupported, authorizationGrantProfilesSupported);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Reads a metadata document; never throws on bad input. */
    public static Parsed<AuthorizationServerMetadata> parse(JsonObject json) {
        return AuthorizationServerMetadataCodec.read(json);
    }

    /** Reads a metadata document from JSON text (strictly: duplicate members are refused); never throws. */
    public static Parsed<AuthorizationServerMetadata> parse(String json) {
        return StrictJson.parseObject(json).flatMap(AuthorizationServerMetadata::parse);
    }

    /** The document, members in RFC 8414 order, then the extensions; empty lists omitted. */
    public JsonObject toJson() {
        return AuthorizationServerMetadataCodec.write(this);
    }

    /** Whether {@code code_challenge_methods_supported} lists {@code S256} (MCP: refuse to proceed otherwise). */
    public boolean supportsS256() {
        return codeChallengeMethodsSupported.contains(S256);
    }

    /** {@code grant_types_supported}, or its RFC 8414 §2 default {@code ["authorization_code", "implicit"]}. */
    public List<GrantType> grantTypesSupportedOrDefault() {
        return grantTypesSupported.isEmpty() ? List.of(GrantType.AUTHORIZATION_CODE, IMPLICIT) : grantTypesSupported;
    }

    /** {@code token_endpoint_auth_methods_supported}, or its RFC 8414 §2 default {@code client_secret_basic}. */
    public List<ClientAuthMethod> tokenEndpointAuthMethodsOrDefault() {
        return tokenEndpointAuth.methodsSupported().isEmpty() ? List.of(ClientAuthMethod.CLIENT_SECRET_BASIC)
                : tokenEndpointAuth.methodsSupported();
    }

    /** {@code response_modes_supported}, or its RFC 8414 §2 default {@code ["query", "fragment"]}. */
    public List<String> responseModesSupportedOrDefault() {
        return responseModesSupported.isEmpty() ? List.of("query", "fragment") : responseModesSupported;
    }

    /** {@code authorization_response_iss_parameter_supported}, false when absent (RFC 9207 §3). */
    public boolean issParameterSupported() {
        return authorizationResponseIssParameterSupported.orElse(false);
    }

    /** {@code client_id_metadata_document_supported}, false when absent. */
    public boolean clientIdMetadataDocumentsSupported() {
        return clientIdMetadataDocumentSupported.orElse(false);
    }

    /**
     * The endpoint URLs of RFC 8414 §2 and RFC 9126 §5, each OPTIONAL: absolute URLs without a fragment.
     *
     * @param authorization              {@code authorization_endpoint}; REQUIRED if a grant type uses it
     * @param token                      {@code token_endpoint}; REQUIRED unless only the implicit grant is supported
     * @param registration               {@code registration_endpoint} (RFC 7591)
     * @param revocation                 {@code revocation_endpoint} (RFC 7009)
     * @param introspection              {@code introspection_endpoint} (RFC 7662)
     * @param pushedAuthorizationRequest {@code pushed_authorization_request_endpoint} (RFC 9126)
     */
    public record Endpoints(Optional<URI> authorization, Optional<URI> token, Optional<URI> registration,
            Optional<URI> revocation, Optional<URI> introspection, Optional<URI> pushedAuthorizationRequest) {

        public Endpoints {
            for (Optional<URI> u : List.of(authorization, token, registration, revocation, introspection,
                    pushedAuthorizationRequest)) {
                u.ifPresent(uri -> UriRule.ENDPOINT.require(uri.toString(), "endpoint"));
            }
        }
    }

    /**
     * How clients authenticate at one endpoint (RFC 8414 §2).
     *
     * @param methodsSupported          {@code ..._auth_methods_supported}; OPTIONAL
     * @param signingAlgValuesSupported {@code ..._auth_signing_alg_values_supported}: never {@code none}; REQUIRED
     *                                  when the methods list {@code private_key_jwt} or {@code client_secret_jwt}
     */
    public record EndpointAuth(List<ClientAuthMethod> methodsSupported, List<String> signingAlgValuesSupported) {

        /** Nothing published. */
        public static final EndpointAuth EMPTY = new EndpointAuth(List.of(), List.of());

        public EndpointAuth {
            methodsSupported = List.copyOf(methodsSupported);
            signingAlgValuesSupported = List.copyOf(signingAlgValuesSupported);
            if (signingAlgValuesSupported.stream().anyMatch(MetadataReads::isNone)) {
                throw new IllegalArgumentException("the signing algorithm none MUST NOT be used (RFC 8414 §2)");
            }
            if (signingAlgValuesSupported.isEmpty() && usesJwt(methodsSupported)) {
                throw new IllegalArgumentException("signing algorithms are REQUIRED with JWT methods (RFC 8414 §2)");
            }
        }

        /** Whether the methods include one that signs a JWT ({@code private_key_jwt}, {@code client_secret_jwt}). */
        public boolean usesJwt() {
            return usesJwt(methodsSupported);
        }

        private static boolean usesJwt(List<ClientAuthMethod> methods) {
            return methods.contains(ClientAuthMethod.PRIVATE_KEY_JWT)
                    || methods.contains(ClientAuthMethod.CLIENT_SECRET_JWT);
        }
    }

    /**
     * Pages for people and user-interface languages (RFC 8414 §2).
     *
     * @param serviceDocumentation {@code service_documentation}; OPTIONAL URL
     * @param uiLocalesSupported   {@code ui_locales_supported}; OPTIONAL BCP 47 language tags
     * @param opPolicyUri          {@code op_policy_uri}; OPTIONAL URL
     * @param opTosUri             {@code op_tos_uri}; OPTIONAL URL
     */
    public record Documentation(Optional<URI> serviceDocumentation, List<String> uiLocalesSupported,
            Optional<URI> opPolicyUri, Optional<URI> opTosUri) {

        /** Nothing published. */
        public static final Documentation EMPTY = new Documentation(Optional.empty(), List.of(), Optional.empty(),
                Optional.empty());

        public Documentation {
            uiLocalesSupported = List.copyOf(uiLocalesSupported);
            for (Optional<URI> u : List.of(serviceDocumentation, opPolicyUri, opTosUri)) {
                u.ifPresent(uri -> UriRule.URL.require(uri.toString(), "documentation URL"));
            }
        }
    }
}
