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
import dev.lanyard.as.internal.BackChannel;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.spec.token.IntrospectionRequest;

/**
 * The introspection endpoint (RFC 7662), for resource servers registered as confidential clients: a caller that does
 * not authenticate gets 401 {@code invalid_client} and learns nothing (RFC 7662 §2.1; A-066).
 */
@Path("introspect")
@ApplicationScoped
public class IntrospectionEndpoint {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public IntrospectionEndpoint() {
        // fields are injected
    }

    /** An introspection request. */
    @POST
    public Response introspect(@Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServletRequest request, InputStream body) {
        ClientAuthenticationInput input = BackChannel.input(headers, uri.getRequestUri().getRawQuery(), body,
                request.getRemoteAddr());
        AuthenticatedClient caller = server.authenticator().authenticate(input);
        return BackChannel.json(server.introspection().introspect(IntrospectionRequest.parse(input.form()), caller)
                .toJson());
    }
}
