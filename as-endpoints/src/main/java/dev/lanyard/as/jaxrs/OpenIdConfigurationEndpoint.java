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
 * The same metadata at {@code /.well-known/openid-configuration} (RFC 8414 §5), when {@code
 * lanyard.as.openid-configuration=true}; 404 otherwise. For an issuer with a path, only the inserted form is served
 * here; the appended form ({@code <issuer>/.well-known/openid-configuration}) needs a route outside this application.
 */
@Path(".well-known/openid-configuration")
@ApplicationScoped
public class OpenIdConfigurationEndpoint {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public OpenIdConfigurationEndpoint() {
        // fields are injected
    }

    /** The document, for an issuer without a path. */
    @GET
    public Response root(@Context UriInfo uri) {
        return Metadata.serve(server, uri);
    }

    /** The document, for an issuer with a path (inserted form). */
    @GET
    @Path("{path: .+}")
    public Response withPath(@Context UriInfo uri) {
        return Metadata.serve(server, uri);
    }
}
