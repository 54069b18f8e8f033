package dev.lanyard.as.jaxrs;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.as.internal.BackChannel;
import dev.lanyard.spec.token.RevocationRequest;

/**
 * The revocation endpoint (RFC 7009): the client authenticates as at the token endpoint, then names a token; 200 with
 * an empty body whether or not the token was known (RFC 7009 §2.2).
 */
@Path("revoke")
@ApplicationScoped
public class RevocationEndpoint {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public RevocationEndpoint() {
        // fields are injected
    }

    /** A revocation request. */
    @POST
    public Response revoke(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest request,
            InputStream body) {
        ClientAuthenticationInput input = BackChannel.input(headers, uri.getRequestUri().getRawQuery(), body,
                request.getRemoteAddr());
        AuthenticatedClient client = server.authenticator().authenticate(input);
        server.revocation().revoke(RevocationRequest.parse(input.form()), client);
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
