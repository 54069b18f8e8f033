package dev.lanyard.cimd;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.authz.RedirectUri;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.metadata.ClientMetadata;

/**
 * A client ID metadata document that passed every rule of {@link CimdValidator}: what the authorization server knows
 * about a client identified by an https URL.
 *
 * <p>Built only by {@link CimdValidator} (directly or through {@link CimdResolver}). The registration it implies:
 * the redirect URIs of the document, matched exactly ({@link RedirectUri#matches(String)}); the token endpoint
 * authentication method chosen from what the document offers and the server supports ({@code none}, or
 * {@code private_key_jwt} with the document's {@code jwks} or {@code jwks_uri}, which makes the client confidential);
 * and the grant types of the document (defaults applied), of which the server uses those it supports.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#CIMD} §4, §4.1, §4.2, §8.2, §8.5; MCP
 * {@value dev.lanyard.spec.ref.Specs#MCP} client registration and security considerations.
 *
 * @param clientId     the client identifier URL the document was fetched from, equal to its {@code client_id}
 * @param metadata     the document, every member kept (unknown ones in {@link ClientMetadata#extensions()})
 * @param clientName   {@code client_name}, REQUIRED by MCP; show it with {@link #host()}
 * @param redirectUris the registered redirect URIs, never empty
 * @param authMethod   the token endpoint authentication method the server requires of this client
 * @param warnings     what the consent page should show; see {@link CimdWarning}
 */
public record ClientIdMetadataDocument(ClientIdUrl clientId, ClientMetadata metadata, String clientName,
        List<RedirectUri> redirectUris, ClientAuthMethod authMethod, List<CimdWarning> warnings) {

    public ClientIdMetadataDocument {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(clientName, "clientName");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(authMethod, "authMethod");
        warnings = List.copyOf(warnings);
        if (!metadata.clientId().equals(Optional.of(clientId.value()))) {
            throw new IllegalArgumentException("metadata client_id differs from the client identifier URL");
        }
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client ID metadata document registers at least one redirect URI");
        }
        if (authMethod.isSymmetric()) {
            throw new IllegalArgumentException("shared-secret authentication is forbidden for CIMD clients");
        }
    }

    /** The host of the client identifier URL, to show beside {@link #clientName()} (draft §8.5). */
    public String host() {
        return clientId.host();
    }

    /** Whether the client must authenticate at the token endpoint ({@code private_key_jwt}, draft §8.2). */
    public boolean isConfidential() {
        return !authMethod.equals(ClientAuthMethod.NONE);
    }

    /** Whether some redirect URI is on a loopback host (localhost impersonation: warn on the consent page). */
    public boolean hasLoopbackRedirect() {
        return warnings.contains(CimdWarning.LOOPBACK_REDIRECT_URI);
    }

    /** {@code grant_types}, or its RFC 7591 default; the server uses only those it supports. */
    public List<GrantType> grantTypes() {
        return metadata.grantTypesOrDefault();
    }

    /** The client's public keys by value, if the document has {@code jwks}. */
    public Optional<JsonObject> jwks() {
        return metadata.jwks();
    }

    /** Where the client publishes its public keys, if the document has {@code jwks_uri}. */
    public Optional<URI> jwksUri() {
        return metadata.jwksUri();
    }

    /** The URL of the client's logo, if any; fetch it with {@link CimdResolver#logo(ClientIdMetadataDocument)}. */
    public Optional<URI> logoUri() {
        return metadata.logoUri();
    }

    /** The document as JSON (the form a shared {@link CimdDocumentCache} stores; read back with the validator). */
    public JsonObject toJson() {
        return metadata.toJson();
    }

    /** {@code ClientIdMetadataDocument[https://client.example/app, none]}: never the document's content. */
    @Override
    public String toString() {
        return "ClientIdMetadataDocument[" + clientId + ", " + authMethod + "]";
    }
}
