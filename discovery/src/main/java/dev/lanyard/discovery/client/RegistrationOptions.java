package dev.lanyard.discovery.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The ways a client can obtain a client ID at the chosen authorization server (MCP
 * {@value dev.lanyard.spec.ref.Specs#MCP} client registration).
 *
 * @param preRegistered                     whether the caller has credentials for this issuer
 * @param clientIdMetadataDocumentSupported whether the metadata says
 *                                          {@code client_id_metadata_document_supported: true}
 * @param registrationEndpoint              the RFC 7591 {@code registration_endpoint}, if published
 */
public record RegistrationOptions(boolean preRegistered, boolean clientIdMetadataDocumentSupported,
        Optional<URI> registrationEndpoint) {

    /** A way to obtain a client ID, in the order MCP recommends trying them. */
    public enum Method {
        /** Credentials the client already holds for this issuer. */
        PRE_REGISTERED,
        /** A client ID metadata document URL as {@code client_id}. */
        CLIENT_ID_METADATA_DOCUMENT,
        /** RFC 7591 dynamic client registration (deprecated by MCP, still allowed). */
        DYNAMIC_CLIENT_REGISTRATION,
        /** None is available: ask the user for a client ID. */
        ASK_USER
    }

    public RegistrationOptions {
        Objects.requireNonNull(registrationEndpoint, "registrationEndpoint");
    }

    /** The first available method in MCP's order: pre-registered, CIMD, dynamic registration, ask the user. */
    public Method preferred() {
        if (preRegistered) {
            return Method.PRE_REGISTERED;
        }
        if (clientIdMetadataDocumentSupported) {
            return Method.CLIENT_ID_METADATA_DOCUMENT;
        }
        return registrationEndpoint.isPresent() ? Method.DYNAMIC_CLIENT_REGISTRATION : Method.ASK_USER;
    }
}
