package dev.lanyard.rs.jaxrs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.discovery.publish.CorsPolicy;
import dev.lanyard.rs.internal.ProtectedResource;

/**
 * Serves the protected resource metadata (RFC 9728 §3) at the URL built from the resource identifier by inserting
 * {@code /.well-known/oauth-protected-resource} between host and path (§3.1). Any other path under the well-known
 * prefix is 404, never another resource's document. Deploy the application at the context root. A public document:
 * every answer carries {@code Access-Control-Allow-Origin: *} and a CORS preflight is answered 204.
 */
@Path(".well-known/oauth-protected-resource")
@ApplicationScoped
public class ProtectedResourceMetadataResource {

    @Inject
    ProtectedResource resource;

    /** Created by the container (CDI, JAX-RS or the servlet container). */
    public ProtectedResourceMetadataResource() {
        // fields are injected
    }

    /** The document, for a resource identifier without a path. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response root(@Context UriInfo uri) {
        return serve(uri);
    }

    /** The document, for a resource identifier with a path. */
    @GET
    @Path("{path: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withPath(@Context UriInfo uri) {
        return serve(uri);
    }

    /** A CORS preflight for the document (MCP clients send {@code MCP-Protocol-Version}). */
    @OPTIONS
    public Response rootPreflight() {
        return preflight();
    }

    /** A CORS preflight for the document of a resource identifier with a path. */
    @OPTIONS
    @Path("{path: .+}")
    public Response withPathPreflight() {
        return preflight();
    }

    // a public document: any origin may read it, found or not (Fetch standard; no credentials)
    private static Response preflight() {
        Response.ResponseBuilder r = Response.noContent();
        CorsPolicy.anyOrigin().preflightHeaders("*", List.of("GET"), List.of("MCP-Protocol-Version"))
                .forEach(r::header);
        return r.build();
    }

    private Response serve(UriInfo uri) {
        // exact path and query only: a trailing slash or another resource's path is 404 (RFC 9728 §3.1)
        return resource.metadataAt(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery())
                .map(doc -> Response.ok(doc.toString(), MediaType.APPLICATION_JSON_TYPE)
                        // RFC 9728 §7.10: metadata may be cached by clients
                        .header("Cache-Control", "public, max-age=3600")
                        .header("Access-Control-Allow-Origin", "*").build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .header("Access-Control-Allow-Origin", "*").build());
    }
}
