package dev.lanyard.discovery.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.metadata.ProtectedResourceMetadata;

/**
 * What an MCP client needs to start authorization, validated.
 *
 * @param serverUrl                      the MCP server URL discovery started from
 * @param resource                       the {@code resource} to send in authorization and token requests (RFC 8707):
 *                                       the validated PRM {@code resource}; equal to {@code serverUrl} under
 *                                       {@link ResourceMatch#EXACT}
 * @param resourceMetadataUrl            where the protected resource metadata was read
 * @param resourceMetadata               the validated protected resource metadata (RFC 9728)
 * @param issuer                         the authorization server chosen, among those the PRM lists
 * @param authorizationServerMetadataUrl where its metadata was read
 * @param authorizationServerMetadata    the validated authorization server metadata: {@code issuer} identical to
 *                                       {@link #issuer()}, S256 supported
 * @param scope                          the scope to request (MCP scope selection): the challenge's {@code scope},
 *                                       else the PRM {@code scopes_supported}, else empty (omit the parameter)
 * @param registration                   the ways to obtain a client ID at this issuer
 * @param attempts                       every URL tried, in order, with its outcome
 */
public record DiscoveryResult(URI serverUrl, String resource, URI resourceMetadataUrl,
        ProtectedResourceMetadata resourceMetadata, String issuer, URI authorizationServerMetadataUrl,
        AuthorizationServerMetadata authorizationServerMetadata, Optional<Scope> scope,
        RegistrationOptions registration, List<DiscoveryAttempt> attempts) {

    public DiscoveryResult {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(resourceMetadataUrl, "resourceMetadataUrl");
        Objects.requireNonNull(resourceMetadata, "resourceMetadata");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationServerMetadataUrl, "authorizationServerMetadataUrl");
        Objects.requireNonNull(authorizationServerMetadata, "authorizationServerMetadata");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(registration, "registration");
        attempts = List.copyOf(attempts);
    }
}
