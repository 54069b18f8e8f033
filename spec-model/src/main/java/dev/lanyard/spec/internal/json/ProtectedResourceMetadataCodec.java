package dev.lanyard.spec.internal.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.metadata.ProtectedResourceMetadata;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/** Reads and writes {@link ProtectedResourceMetadata} (RFC 9728 §2). Internal. */
public final class ProtectedResourceMetadataCodec {

    /** The members read into components; every other member is an extension. */
    public static final Set<String> MEMBERS = Set.of("resource", "authorization_servers", "jwks_uri",
            "scopes_supported", "bearer_methods_supported", "resource_signing_alg_values_supported", "resource_name",
            "resource_documentation", "resource_policy_uri", "resource_tos_uri",
            "tls_client_certificate_bound_access_tokens", "authorization_details_types_supported",
            "dpop_signing_alg_values_supported", "dpop_bound_access_tokens_required", "signed_metadata");

    private static final SpecRef R = Specs.RFC9728_METADATA;

    private ProtectedResourceMetadataCodec() {
    }

    /** Reads a document, collecting every violation. */
    public static Parsed<ProtectedResourceMetadata> read(JsonObject o) {
        Violations.Collector v = Violations.collector();
        // RFC 9728 §1.2: a URL that uses the https scheme and has no fragment component (§2: REQUIRED)
        String resource = MetadataReads.requiredUri(o, "resource", UriRule.RESOURCE, v, R);
        // RFC 9728 §2: issuer identifiers as defined in RFC 8414 (https, no query, no fragment)
        List<String> servers = MetadataReads.uriStrings(o, "authorization_servers", UriRule.ISSUER, v, R);
        // RFC 9728 §2: jwks_uri "MUST use the https scheme"
        Optional<URI> jwksUri = MetadataReads.uri(o, "jwks_uri", UriRule.HTTPS_URL, v, R);
        List<String> scopes = MetadataReads.scopeTokens(o, "scopes_supported", v, R);
        Optional<List<String>> bearerMethods = bearerMethods(o, v);
        // RFC 9728 §2: "The value none MUST NOT be used."
        List<String> signingAlgs = MetadataReads.algorithms(o, "resource_signing_alg_values_supported", v, R);
        Optional<String> name = JsonReads.string(o, "resource_name", v, R);
        Optional<URI> documentation = MetadataReads.uri(o, "resource_documentation", UriRule.URL, v, R);
        Optional<URI> policy = MetadataReads.uri(o, "resource_policy_uri", UriRule.URL, v, R);
        Optional<URI> tos = MetadataReads.uri(o, "resource_tos_uri", UriRule.URL, v, R);
        Optional<Boolean> mtls = JsonReads.bool(o, "tls_client_certificate_bound_access_tokens", v, R);
        List<String> detailsTypes = MetadataReads.tokens(o, "authorization_details_types_supported", v, R);
        List<String> dpopAlgs = MetadataReads.tokens(o, "dpop_signing_alg_values_supported", v, R);
        Optional<Boolean> dpopRequired = JsonReads.bool(o, "dpop_bound_access_tokens_required", v, R);
        Optional<String> signed = MetadataReads.compactJws(o, "signed_metadata", v, Specs.RFC9728_SIGNED_METADATA);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new ProtectedResourceMetadata(resource, servers, jwksUri, scopes, bearerMethods,
                signingAlgs, name, documentation, policy, tos, mtls, detailsTypes, dpopAlgs, dpopRequired, signed,
                JsonReads.extensions(o, MEMBERS)));
    }

    private static Optional<List<String>> bearerMethods(JsonObject o, Violations.Collector v) {
        if (!o.containsKey("bearer_methods_supported")) {
            return Optional.empty();
        }
        List<String> methods = JsonReads.stringList(o, "bearer_methods_supported", v, R);
        for (int i = 0; i < methods.size(); i++) {
            // RFC 9728 §2: defined values are ["header", "body", "query"] (RFC 6750 §2.1-2.3)
            if (!ProtectedResourceMetadata.BEARER_METHODS.contains(methods.get(i))) {
                v.add("/bearer_methods_supported/" + i, "must be one of header, body, query", R);
            }
        }
        return Optional.of(methods);
    }

    /** Writes the document: members in RFC 9728 §2 order, then the extensions. */
    public static JsonObject write(ProtectedResourceMetadata m) {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("resource", m.resource());
        JsonWrites.putList(b, "authorization_servers", m.authorizationServers());
        JsonWrites.put(b, "jwks_uri", m.jwksUri());
        JsonWrites.putList(b, "scopes_supported", m.scopesSupported());
        // RFC 9728 §2: [] means no bearer method is supported, so an empty list is written when present
        m.bearerMethodsSupported().ifPresent(l -> b.add("bearer_methods_supported", JsonWrites.array(l)));
        JsonWrites.putList(b, "resource_signing_alg_values_supported", m.resourceSigningAlgValuesSupported());
        JsonWrites.put(b, "resource_name", m.resourceName());
        JsonWrites.put(b, "resource_documentation", m.resourceDocumentation());
        JsonWrites.put(b, "resource_policy_uri", m.resourcePolicyUri());
        JsonWrites.put(b, "resource_tos_uri", m.resourceTosUri());
        JsonWrites.put(b, "tls_client_certificate_bound_access_tokens", m.tlsClientCertificateBoundAccessTokens());
        JsonWrites.putList(b, "authorization_details_types_supported", m.authorizationDetailsTypesSupported());
        JsonWrites.putList(b, "dpop_signing_alg_values_supported", m.dpopSigningAlgValuesSupported());
        JsonWrites.put(b, "dpop_bound_access_tokens_required", m.dpopBoundAccessTokensRequired());
        JsonWrites.put(b, "signed_metadata", m.signedMetadata());
        JsonWrites.putAll(b, m.extensions());
        return b.build();
    }
}
