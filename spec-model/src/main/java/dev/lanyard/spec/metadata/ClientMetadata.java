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
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.internal.json.ClientMetadataCodec;
import dev.lanyard.spec.internal.json.MetadataReads;
import dev.lanyard.spec.internal.json.UriRule;

/**
 * Client metadata (RFC 7591 §2): the body of a registration request, the metadata part of a registration response,
 * and a Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document-02 §4).
 *
 * <p>Specifications: RFC 7591 §2, §2.2, §3.1, §3.1.1; OpenID Connect Dynamic Client Registration 1.0 §2
 * ({@code application_type}, {@code token_endpoint_auth_signing_alg}). Language-tagged members
 * ({@code client_name#ja-Jpan-JP}), registration-response members ({@code client_secret}, ...) and every other member
 * are kept, unchanged, in {@link #extensions()}; its {@code toString()} hides {@code client_secret}.
 *
 * <p>Lists: absent and empty read alike and an empty list is omitted on output. {@link #parse(JsonObject)} checks
 * syntax only ({@code jwks} and {@code jwks_uri} never together, absolute URIs); policy (https, loopback redirects,
 * shared-secret methods in CIMD documents, private keys in {@code jwks}) belongs to the registration and CIMD layers.
 *
 * @param redirectUris               {@code redirect_uris}: absolute URIs without fragment
 * @param tokenEndpointAuthMethod    OPTIONAL; default {@code client_secret_basic}
 * @param grantTypes                 OPTIONAL; default {@code ["authorization_code"]}
 * @param responseTypes              OPTIONAL; default {@code ["code"]}
 * @param clientName                 RECOMMENDED; for display, as is
 * @param clientUri                  RECOMMENDED URL of the client's web page
 * @param logoUri                    OPTIONAL URL of a logo
 * @param scope                      OPTIONAL; the scope the client can request
 * @param contacts                   OPTIONAL; ways to reach the people responsible, usually e-mail addresses
 * @param tosUri                     OPTIONAL URL
 * @param policyUri                  OPTIONAL URL
 * @param jwksUri                    OPTIONAL URL of the client's JWK Set; never with {@code jwks}
 * @param jwks                       OPTIONAL JWK Set by value (an object with a {@code keys} array); never with
 *                                   {@code jwks_uri}
 * @param softwareId                 OPTIONAL
 * @param softwareVersion            OPTIONAL
 * @param softwareStatement          OPTIONAL signed JWT (RFC 7591 §2.3), not verified here
 * @param clientId                   {@code client_id}: REQUIRED in a CIMD document, absent in a registration request
 * @param applicationType            OPTIONAL ({@code native} or {@code web}); MCP requires it in registrations
 * @param tokenEndpointAuthSigningAlg OPTIONAL; never {@code none}
 * @param extensions                 every other member, in document order
 */
public record ClientMetadata(List<URI> redirectUris, Optional<ClientAuthMethod> tokenEndpointAuthMethod,
        List<GrantType> grantTypes, List<String> responseTypes, Optional<String> clientName, Optional<URI> clientUri,
        Optional<URI> logoUri, Optional<Scope> scope, List<String> contacts, Optional<URI> tosUri,
        Optional<URI> policyUri, Optional<URI> jwksUri, Optional<JsonObject> jwks, Optional<String> softwareId,
        Optional<String> softwareVersion, Optional<String> softwareStatement, Optional<String> clientId,
        Optional<String> applicationType, Optional<String> tokenEndpointAuthSigningAlg,
        Map<String, JsonValue> extensions) {

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        redirectUris.forEach(u -> UriRule.REDIRECT_URI.require(u.toString(), "redirect URI"));
        Objects.requireNonNull(tokenEndpointAuthMethod, "tokenEndpointAuthMethod");
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(scope, "scope");
        contacts = List.copyOf(contacts);
        for (Optional<URI> u : List.of(clientUri, logoUri, tosUri, policyUri, jwksUri)) {
            u.ifPresent(uri -> UriRule.URL.require(uri.toString(), "client metadata URL"));
        }
        // RFC 7591 §2: "The jwks_uri and jwks parameters MUST NOT both be present"
        if (jwksUri.isPresent() && jwks.isPresent()) {
            throw new IllegalArgumentException("jwks_uri and jwks MUST NOT both be present (RFC 7591 §2)");
        }
        jwks.filter(j -> ClientMetadataCodec.jwkSetProblem(j) != null).ifPresent(j -> {
            throw new IllegalArgumentException("jwks is not a JWK Set (RFC 7517 §5)");
        });
        Objects.requireNonNull(softwareId, "softwareId");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        softwareStatement.filter(s -> !MetadataReads.isCompactJws(s)).ifPresent(s -> {
            throw new IllegalArgumentException("software_statement is not a JWS");
        });
        clientId.filter(String::isEmpty).ifPresent(s -> {
            throw new IllegalArgumentException("empty client_id");
        });
        Objects.requireNonNull(applicationType, "applicationType");
        tokenEndpointAuthSigningAlg.filter(MetadataReads::isNone).ifPresent(s -> {
            throw new IllegalArgumentException("token_endpoint_auth_signing_alg MUST NOT be none");
        });
        extensions = Extensions.copy(extensions, ClientMetadataCodec.MEMBERS);
    }

    /** Reads client metadata; never throws on bad input. */
    public static Parsed<ClientMetadata> parse(JsonObject json) {
        return ClientMetadataCodec.read(json);
    }

    /** Reads client metadata from JSON text (strictly: duplicate members are refused); never throws. */
    public static Parsed<ClientMetadata> parse(String json) {
        return StrictJson.parseObject(json).flatMap(ClientMetadata::parse);
    }

    /** The metadata as a JSON object: members in RFC 7591 §2 order, then the extensions. */
    public JsonObject toJson() {
        return ClientMetadataCodec.write(this);
    }

    /** {@code token_endpoint_auth_method}, or its RFC 7591 §2 default {@code client_secret_basic}. */
    public ClientAuthMethod tokenEndpointAuthMethodOrDefault() {
        return tokenEndpointAuthMethod.orElse(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    /** {@code grant_types}, or its RFC 7591 §2 default {@code ["authorization_code"]}. */
    public List<GrantType> grantTypesOrDefault() {
        return grantTypes.isEmpty() ? List.of(GrantType.AUTHORIZATION_CODE) : grantTypes;
    }

    /** {@code response_types}, or its RFC 7591 §2 default {@code ["code"]}. */
    public List<String> responseTypesOrDefault() {
        return responseTypes.isEmpty() ? List.of("code") : responseTypes;
    }

    /**
     * The language-tagged values of a human-readable member (RFC 7591 §2.2): for {@code "client_name"}, each
     * {@code client_name#tag} string member as tag to value, in document order.
     */
    public Map<String, String> localized(String member) {
        return Extensions.localized(extensions, member);
    }
}
