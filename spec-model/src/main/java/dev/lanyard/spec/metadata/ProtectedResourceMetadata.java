package dev.lanyard.spec.metadata;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.MetadataReads;
import dev.lanyard.spec.internal.json.ProtectedResourceMetadataCodec;
import dev.lanyard.spec.internal.json.UriRule;

/**
 * Protected resource metadata (RFC 9728 §2): what an MCP server publishes at
 * {@code /.well-known/oauth-protected-resource}.
 *
 * <p>Specifications: RFC 9728 §1.2, §2, §2.1, §2.2, §3.2. Language-tagged members ({@code resource_name#it}) and
 * every other member are kept, unchanged, in {@link #extensions()}.
 *
 * <p>Lists: an absent member and an empty array both read as an empty list, omitted on output (RFC 9728 §3.2: zero
 * values MUST be omitted), except {@code bearer_methods_supported}, where RFC 9728 §2 gives {@code []} its own meaning
 * (no bearer method supported) distinct from absence: it is an {@code Optional} list and round-trips as written.
 *
 * <p>{@link #parse(JsonObject)} checks the rules of RFC 9728 §2 that concern one document. Comparing
 * {@code resource} with the identifier the document was fetched for (RFC 9728 §3.3), and MCP's rule that
 * {@code authorization_servers} is non-empty, are the caller's job (discovery).
 *
 * @param resource                            REQUIRED; an https URL without fragment, kept as the exact string
 * @param authorizationServers                OPTIONAL; issuer identifiers (RFC 8414), as exact strings
 * @param jwksUri                             OPTIONAL; an https URL
 * @param scopesSupported                     RECOMMENDED; scope values
 * @param bearerMethodsSupported              OPTIONAL; values among {@code header}, {@code body}, {@code query}
 * @param resourceSigningAlgValuesSupported   OPTIONAL; never {@code none}
 * @param resourceName                        RECOMMENDED; for display, as is
 * @param resourceDocumentation               OPTIONAL URL
 * @param resourcePolicyUri                   OPTIONAL URL
 * @param resourceTosUri                      OPTIONAL URL
 * @param tlsClientCertificateBoundAccessTokens OPTIONAL; default false
 * @param authorizationDetailsTypesSupported  OPTIONAL (RFC 9396)
 * @param dpopSigningAlgValuesSupported       OPTIONAL (RFC 9449)
 * @param dpopBoundAccessTokensRequired       OPTIONAL; default false
 * @param signedMetadata                      OPTIONAL; a signed JWT (RFC 9728 §2.2), not verified here
 * @param extensions                          every other member, in document order
 */
public record ProtectedResourceMetadata(String resource, List<String> authorizationServers, Optional<URI> jwksUri,
        List<String> scopesSupported, Optional<List<String>> bearerMethodsSupported,
        List<String> resourceSigningAlgValuesSupported, Optional<String> resourceName,
        Optional<URI> resourceDocumentation, Optional<URI> resourcePolicyUri, Optional<URI> resourceTosUri,
        Optional<Boolean> tlsClientCertificateBoundAccessTokens, List<String> authorizationDetailsTypesSupported,
        List<String> dpopSigningAlgValuesSupported, Optional<Boolean> dpopBoundAccessTokensRequired,
        Optional<String> signedMetadata, Map<String, JsonValue> extensions) {

    /** The bearer token methods RFC 9728 §2 defines (RFC 6750 §2.1-2.3). */
    public static final List<String> BEARER_METHODS = List.of("header", "body", "query");

    public ProtectedResourceMetadata {
        UriRule.RESOURCE.require(Objects.requireNonNull(resource, "resource"), "resource");
        authorizationServers = List.copyOf(authorizationServers);
        authorizationServers.forEach(s -> UriRule.ISSUER.require(s, "authorization server"));
        jwksUri.ifPresent(u -> UriRule.HTTPS_URL.require(u.toString(), "jwks_uri"));
        scopesSupported = List.copyOf(scopesSupported);
        bearerMethodsSupported = bearerMethodsSupported.map(List::copyOf);
        bearerMethodsSupported.filter(l -> !BEARER_METHODS.containsAll(l)).ifPresent(l -> {
            throw new IllegalArgumentException("bearer methods are header, body and query (RFC 9728 §2)");
        });
        resourceSigningAlgValuesSupported = List.copyOf(resourceSigningAlgValuesSupported);
        if (resourceSigningAlgValuesSupported.stream().anyMatch(MetadataReads::isNone)) {
            throw new IllegalArgumentException("the signing algorithm none MUST NOT be used (RFC 9728 §2)");
        }
        Objects.requireNonNull(resourceName, "resourceName");
        for (Optional<URI> u : List.of(resourceDocumentation, resourcePolicyUri, resourceTosUri)) {
            u.ifPresent(uri -> UriRule.URL.require(uri.toString(), "documentation URL"));
        }
        Objects.requireNonNull(tlsClientCertificateBoundAccessTokens, "tlsClientCertificateBoundAccessTokens");
        authorizationDetailsTypesSupported = List.copyOf(authorizationDetailsTypesSupported);
        dpopSigningAlgValuesSupported = List.copyOf(dpopSigningAlgValuesSupported);
        Objects.requireNonNull(dpopBoundAccessTokensRequired, "dpopBoundAccessTokensRequired");
        signedMetadata.filter(s -> !MetadataReads.isCompactJws(s)).ifPresent(s -> {
            throw new IllegalArgumentException("signed_metadata is not a JWS");
        });
        extensions = Extensions.copy(extensions, ProtectedResourceMetadataCodec.MEMBERS);
    }

    /** Reads a metadata document; never throws on bad input. */
    public static Parsed<ProtectedResourceMetadata> parse(JsonObject json) {
        return ProtectedResourceMetadataCodec.read(json);
    }

    /** Reads a metadata document from JSON text (strictly: duplicate members are refused); never throws. */
    public static Parsed<ProtectedResourceMetadata> parse(String json) {
        return StrictJson.parseObject(json).flatMap(ProtectedResourceMetadata::parse);
    }

    /** The document, members in RFC 9728 §2 order, then the extensions. */
    public JsonObject toJson() {
        return ProtectedResourceMetadataCodec.write(this);
    }

    /** The resource identifier as a URI. */
    public URI resourceUri() {
        return URI.create(resource);
    }

    /** {@code tls_client_certificate_bound_access_tokens}, false when absent (RFC 9728 §2). */
    public boolean tlsClientCertificateBoundAccessTokensOrDefault() {
        return tlsClientCertificateBoundAccessTokens.orElse(false);
    }

    /** {@code dpop_bound_access_tokens_required}, false when absent (RFC 9728 §2). */
    public boolean dpopBoundAccessTokensRequiredOrDefault() {
        return dpopBoundAccessTokensRequired.orElse(false);
    }

    /** The language-tagged {@code resource_name#tag} values (RFC 9728 §2.1): tag to name, in document order. */
    public Map<String, String> localizedResourceNames() {
        return Extensions.localized(extensions, "resource_name");
    }
}
