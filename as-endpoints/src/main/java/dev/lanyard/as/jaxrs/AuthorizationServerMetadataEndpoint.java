package dev.lanyard.as.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.as.internal.AuthorizationServer;

/**
 * The authorization server metadata (RFC 8414 §3) at {@code /.well-known/oauth-authorization-server} inserted before
 * the issuer's path (§3.1). Exact path only: a trailing slash or another tenant's path is 404, never this issuer's
 * document. Deploy the application at the context root.
 */
@Path(".well-known/oauth-authorization-server")
@ApplicationScoped
public class AuthorizationServerMetadataEndpoint {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public AuthorizationServerMetadataEndpoint() {
        // fields are injected
    }

    /** The document, for an issuer without a path. */
    @GET
    public Response root(@Context UriInfo uri) {
        return Metadata.serve(server, uri);
    }

    /** The document, for an issuer with a path. */
    @GET
    @Path("{path: .+}")
    public Response withPath(@Context UriInfo uri) {
        return Metadata.serve(server, uri);
    }
}
