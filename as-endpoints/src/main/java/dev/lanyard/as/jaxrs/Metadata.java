package dev.lanyard.as.jaxrs;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.as.internal.AuthorizationServer;

/** Serves a metadata document by the request's exact raw path and query. */
final class Metadata {

    private Metadata() {
    }

    static Response serve(AuthorizationServer server, UriInfo uri) {
        return server.metadataAt(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery())
                .map(doc -> Response.ok(doc.toString(), MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "public, max-age=3600").build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }
}
