package dev.lanyard.discovery.publish;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.metadata.ProtectedResourceMetadata;

/**
 * Builds the RFC 9728 metadata an MCP server (a protected resource) publishes. The result always lists at least one
 * authorization server (MCP requires it although RFC 9728 makes it optional), {@code bearer_methods_supported:
 * ["header"]} (OAuth 2.1 §5.1: no query tokens), never an empty {@code scopes_supported} (RFC 9728 §3.2) and never
 * {@code offline_access} in it (MCP: refresh tokens are the authorization server's business).
 *
 * <p>Specifications: RFC 9728 §2, §3.2; MCP {@value dev.lanyard.spec.ref.Specs#MCP} authorization-server-discovery
 * (authorization server location), refresh tokens.
 */
public final class ProtectedResourceMetadataFactory {

    private final String resource;
    private List<String> authorizationServers = List.of();
    private List<String> scopes = List.of();
    private Optional<String> resourceName = Optional.empty();
    private Optional<URI> documentation = Optional.empty();
    private Optional<URI> jwksUri = Optional.empty();

    private ProtectedResourceMetadataFactory(String resource) {
        this.resource = resource;
    }

    /**
     * A factory for {@code resource}: the canonical URL of the MCP server (an https URL without fragment, RFC 9728
     * §1.2), exactly as clients will compare it (RFC 9728 §3.3).
     */
    public static ProtectedResourceMetadataFactory forResource(String resource) {
        Objects.requireNonNull(resource, "resource");
        PublishedUrls.requireSecure(resource, resource, "resource");
        return new ProtectedResourceMetadataFactory(resource);
    }

    /** The issuers of the authorization servers whose tokens the resource accepts; at least one. */
    public ProtectedResourceMetadataFactory authorizationServers(List<String> issuers) {
        this.authorizationServers = List.copyOf(issuers);
        return this;
    }

    /** {@code scopes_supported}: the scopes a client may need; omitted when empty. */
    public ProtectedResourceMetadataFactory scopes(List<String> supported) {
        this.scopes = List.copyOf(supported);
        return this;
    }

    /** {@code resource_name}, for display. */
    public ProtectedResourceMetadataFactory resourceName(String name) {
        this.resourceName = Optional.of(name);
        return this;
    }

    /** {@code resource_documentation}. */
    public ProtectedResourceMetadataFactory resourceDocumentation(URI url) {
        this.documentation = Optional.of(url);
        return this;
    }

    /** {@code jwks_uri}: the resource's own keys, when it signs responses (RFC 9728 §2); an https URL. */
    public ProtectedResourceMetadataFactory jwksUri(URI url) {
        PublishedUrls.requireSecure(url.toString(), resource, "jwks_uri");
        this.jwksUri = Optional.of(url);
        return this;
    }

    /**
     * The metadata.
     *
     * @throws IllegalArgumentException naming the rule when no authorization server is listed, or
     *                                  {@code offline_access} is among the scopes
     */
    public ProtectedResourceMetadata build() {
        if (authorizationServers.isEmpty()) {
            throw new IllegalArgumentException("MCP requires authorization_servers with at least one issuer "
                    + "(authorization-server-discovery, authorization server location)");
        }
        if (scopes.contains("offline_access")) {
            throw new IllegalArgumentException("offline_access SHOULD NOT be in scopes_supported of an MCP server "
                    + "(MCP refresh tokens)");
        }
        return new ProtectedResourceMetadata(resource, authorizationServers, jwksUri, scopes,
                Optional.of(List.of("header")), List.of(), resourceName, documentation, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }
}
