package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.Documentation;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.EndpointAuth;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata.Endpoints;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** Reads and writes {@link AuthorizationServerMetadata} (RFC 8414 §2 and the extensions it carries). Internal. */
public final class AuthorizationServerMetadataCodec {

    /** The members read into components; every other member is an extension. */
    public static final Set<String> MEMBERS = Set.of("issuer", "authorization_endpoint", "token_endpoint",
            "jwks_uri", "registration_endpoint", "scopes_supported", "response_types_supported",
            "response_modes_supported", "grant_types_supported", "token_endpoint_auth_methods_supported",
            "token_endpoint_auth_signing_alg_values_supported", "service_documentation", "ui_locales_supported",
            "op_policy_uri", "op_tos_uri", "revocation_endpoint", "revocation_endpoint_auth_methods_supported",
            "revocation_endpoint_auth_signing_alg_values_supported", "introspection_endpoint",
            "introspection_endpoint_auth_methods_supported",
            "introspection_endpoint_auth_signing_alg_values_supported", "code_challenge_methods_supported",
            "signed_metadata", "authorization_response_iss_parameter_supported",
            "client_id_metadata_document_supported", "pushed_authorization_request_endpoint",
            "require_pushed_authorization_requests", "dpop_signing_alg_values_supported",
            "identity_chaining_requested_token_types_supported", "authorization_grant_profiles_supported");

    private static final SpecRef R = Specs.RFC8414_METADATA;

    private AuthorizationServerMetadataCodec() {
    }

    /** Reads a document, collecting every violation. */
    public static Parsed<AuthorizationServerMetadata> read(JsonObject o) {
        Violations.Collector v = Violations.collector();
        // RFC 8414 §2: issuer REQUIRED, a URL that uses the "https" scheme and has no query or fragment components
        String issuer = MetadataReads.requiredUri(o, "issuer", UriRule.ISSUER, v, R);
        Endpoints endpoints = new Endpoints(endpoint(o, "authorization_endpoint", v),
                endpoint(o, "token_endpoint", v), endpoint(o, "registration_endpoint", v),
                endpoint(o, "revocation_endpoint", v), endpoint(o, "introspection_endpoint", v),
                MetadataReads.uri(o, "pushed_authorization_request_endpoint", UriRule.ENDPOINT, v,
                        Specs.RFC9126_METADATA));
        // RFC 8414 §2: jwks_uri "MUST use the https scheme"
        Optional<URI> jwksUri = MetadataReads.uri(o, "jwks_uri", UriRule.HTTPS_URL, v, R);
        List<String> scopes = MetadataReads.scopeTokens(o, "scopes_supported", v, R);
        List<String> responseTypes = MetadataReads.tokens(o, "response_types_supported", v, R);
        if (!o.containsKey("response_types_supported")) {
            v.add("/response_types_supported", "is REQUIRED", R);
        } else if (responseTypes.isEmpty() && !v.build().has("/response_types_supported")) {
            // RFC 8414 §2 REQUIRED, and §3.2: claims with zero elements MUST be omitted
            v.add("/response_types_supported", "must not be empty", R);
        }
        List<String> responseModes = MetadataReads.tokens(o, "response_modes_supported", v, R);
        List<GrantType> grantTypes = MetadataReads.tokens(o, "grant_types_supported", v, R).stream()
                .map(GrantType::new).toList();
        EndpointAuth tokenAuth = auth(o, "token_endpoint", v);
        Documentation documentation = new Documentation(page(o, "service_documentation", v),
                JsonReads.stringList(o, "ui_locales_supported", v, R), page(o, "op_policy_uri", v),
                page(o, "op_tos_uri", v));
        EndpointAuth revocationAuth = auth(o, "revocation_endpoint", v);
        EndpointAuth introspectionAuth = auth(o, "introspection_endpoint", v);
        List<String> pkce = MetadataReads.tokens(o, "code_challenge_methods_supported", v, R);
        Optional<String> signed = MetadataReads.compactJws(o, "signed_metadata", v, Specs.RFC8414_SIGNED_METADATA);
        Optional<Boolean> iss = JsonReads.bool(o, "authorization_response_iss_parameter_supported", v,
                Specs.RFC9207_METADATA);
        Optional<Boolean> cimd = JsonReads.bool(o, "client_id_metadata_document_supported", v, Specs.CIMD_METADATA);
        Optional<Boolean> requirePar = JsonReads.bool(o, "require_pushed_authorization_requests", v,
                Specs.RFC9126_METADATA);
        List<String> dpopAlgs = MetadataReads.tokens(o, "dpop_signing_alg_values_supported", v,
                Specs.RFC9449_METADATA);
        List<TokenTypeUri> chaining = MetadataReads.tokens(o, "identity_chaining_requested_token_types_supported",
                v, Specs.ID_JAG_METADATA).stream().map(TokenTypeUri::new).toList();
        // ID-JAG §7: MUST be a JSON array of strings
        List<String> profiles = MetadataReads.tokens(o, "authorization_grant_profiles_supported", v,
                Specs.ID_JAG_METADATA);
        crossMemberViolations(o, endpoints, responseTypes, grantTypes, profiles, v);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new AuthorizationServerMetadata(issuer, endpoints, jwksUri, scopes, responseTypes,
                responseModes, grantTypes, tokenAuth, documentation, revocationAuth, introspectionAuth, pkce, signed,
                iss, cimd, requirePar, dpopAlgs, chaining, profiles, JsonReads.extensions(o, MEMBERS)));
    }

    /**
     * The first rule broken across members, or {@code null}: the endpoints a grant type needs (RFC 8414 §2) and the
     * grant type the ID-JAG profile needs (ID-JAG §7).
     */
    public static String crossMemberProblem(Endpoints endpoints, List<String> responseTypes,
            List<GrantType> grantTypes, List<String> profiles) {
        Violations.Collector v = Violations.collector();
        crossMemberViolations(null, endpoints, responseTypes, grantTypes, profiles, v);
        return v.isEmpty() ? null : v.build().toString();
    }

    private static void crossMemberViolations(JsonObject o, Endpoints endpoints, List<String> responseTypes,
            List<GrantType> grantTypes, List<String> profiles, Violations.Collector v) {
        if (o == null && responseTypes.isEmpty()) {
            v.add("/response_types_supported", "is REQUIRED", R);
        }
        List<String> grants = (grantTypes.isEmpty() ? List.of("authorization_code", "implicit")
                : grantTypes.stream().map(GrantType::value).toList());
        // RFC 8414 §2: authorization_endpoint is REQUIRED unless no grant types are supported that use it
        if (endpoints.authorization().isEmpty() && absent(o, "authorization_endpoint")
                && (grants.contains("authorization_code") || grants.contains("implicit"))) {
            v.add("/authorization_endpoint", "is REQUIRED when a supported grant type uses it", R);
        }
        // RFC 8414 §2: token_endpoint is REQUIRED unless only the implicit grant type is supported
        if (endpoints.token().isEmpty() && absent(o, "token_endpoint")
                && grants.stream().anyMatch(g -> !g.equals("implicit"))) {
            v.add("/token_endpoint", "is REQUIRED unless only the implicit grant type is supported", R);
        }
        // ID-JAG §7: listing the ID-JAG profile requires the jwt-bearer grant type in grant_types_supported
        if (profiles.contains(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE)
                && !grantTypes.contains(GrantType.JWT_BEARER)) {
            v.add("/grant_types_supported", "must include " + GrantType.JWT_BEARER.value()
                    + " when authorization_grant_profiles_supported lists the ID-JAG profile", Specs.ID_JAG_METADATA);
        }
    }

    private static boolean absent(JsonObject o, String name) {
        return o == null || !o.containsKey(name);
    }

    private static Optional<URI> endpoint(JsonObject o, String name, Violations.Collector v) {
        // RFC 6749 §3.1, §3.2: the endpoint URI MUST NOT include a fragment component
        return MetadataReads.uri(o, name, UriRule.ENDPOINT, v, R);
    }

    private static Optional<URI> page(JsonObject o, String name, Violations.Collector v) {
        return MetadataReads.uri(o, name, UriRule.URL, v, R);
    }

    private static EndpointAuth auth(JsonObject o, String endpoint, Violations.Collector v) {
        List<ClientAuthMethod> methods = MetadataReads.tokens(o, endpoint + "_auth_methods_supported", v, R).stream()
                .map(ClientAuthMethod::new).toList();
        // RFC 8414 §2: the value "none" MUST NOT be used
        String algsName = endpoint + "_auth_signing_alg_values_supported";
        List<String> algs = MetadataReads.algorithms(o, algsName, v, R);
        boolean jwt = methods.contains(ClientAuthMethod.PRIVATE_KEY_JWT)
                || methods.contains(ClientAuthMethod.CLIENT_SECRET_JWT);
        if (jwt && algs.isEmpty()) {
            if (!v.build().has("/" + algsName)) {
                // RFC 8414 §2: MUST be present if private_key_jwt or client_secret_jwt is specified
                v.add("/" + algsName, "is REQUIRED when " + endpoint
                        + "_auth_methods_supported lists private_key_jwt or client_secret_jwt", R);
            }
            return EndpointAuth.EMPTY;
        }
        return new EndpointAuth(methods, algs);
    }

    /** Writes the document: members in RFC 8414 order, then the other specs' members, then the extensions. */
    public static JsonObject write(AuthorizationServerMetadata m) {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("issuer", m.issuer());
        Endpoints e = m.endpoints();
        JsonWrites.put(b, "authorization_endpoint", e.authorization());
        JsonWrites.put(b, "token_endpoint", e.token());
        JsonWrites.put(b, "jwks_uri", m.jwksUri());
        JsonWrites.put(b, "registration_endpoint", e.registration());
        JsonWrites.putList(b, "scopes_supported", m.scopesSupported());
        JsonWrites.putList(b, "response_types_supported", m.responseTypesSupported());
        JsonWrites.putList(b, "response_modes_supported", m.responseModesSupported());
        JsonWrites.putList(b, "grant_types_supported", m.grantTypesSupported());
        putAuth(b, "token_endpoint", m.tokenEndpointAuth());
        Documentation d = m.documentation();
        JsonWrites.put(b, "service_documentation", d.serviceDocumentation());
        JsonWrites.putList(b, "ui_locales_supported", d.uiLocalesSupported());
        JsonWrites.put(b, "op_policy_uri", d.opPolicyUri());
        JsonWrites.put(b, "op_tos_uri", d.opTosUri());
        JsonWrites.put(b, "revocation_endpoint", e.revocation());
        putAuth(b, "revocation_endpoint", m.revocationEndpointAuth());
        JsonWrites.put(b, "introspection_endpoint", e.introspection());
        putAuth(b, "introspection_endpoint", m.introspectionEndpointAuth());
        JsonWrites.putList(b, "code_challenge_methods_supported", m.codeChallengeMethodsSupported());
        JsonWrites.put(b, "signed_metadata", m.signedMetadata());
        JsonWrites.put(b, "authorization_response_iss_parameter_supported",
                m.authorizationResponseIssParameterSupported());
        JsonWrites.put(b, "client_id_metadata_document_supported", m.clientIdMetadataDocumentSupported());
        JsonWrites.put(b, "pushed_authorization_request_endpoint", e.pushedAuthorizationRequest());
        JsonWrites.put(b, "require_pushed_authorization_requests", m.requirePushedAuthorizationRequests());
        JsonWrites.putList(b, "dpop_signing_alg_values_supported", m.dpopSigningAlgValuesSupported());
        JsonWrites.putList(b, "identity_chaining_requested_token_types_supported",
                m.identityChainingRequestedTokenTypesSupported());
        JsonWrites.putList(b, "authorization_grant_profiles_supported", m.authorizationGrantProfilesSupported());
        JsonWrites.putAll(b, m.extensions());
        return b.build();
    }

    private static void putAuth(JsonObjectBuilder b, String endpoint, EndpointAuth auth) {
        JsonWrites.putList(b, endpoint + "_auth_methods_supported", auth.methodsSupported());
        JsonWrites.putList(b, endpoint + "_auth_signing_alg_values_supported", auth.signingAlgValuesSupported());
    }
}
