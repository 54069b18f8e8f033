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
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * The token endpoint ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §3.2): authorization code, refresh token and client
 * credentials grants; client authentication by {@code none}, {@code client_secret_basic}, {@code client_secret_post}
 * or {@code private_key_jwt}, one method per request. POST with a form body only: credentials in the query are
 * refused, other query parameters ignored, a method override header is not honoured. Answers carry
 * {@code Cache-Control: no-store}; errors are rendered by {@link OAuthExceptionMapper}.
 */
@Path("token")
@ApplicationScoped
public class TokenEndpoint {

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public TokenEndpoint() {
        // fields are injected
    }

    /** A token request. */
    @POST
    public Response token(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest request,
            InputStream body) {
        AccessTokenResponse tokens = server.tokenEndpoint().token(
                BackChannel.input(headers, uri.getRequestUri().getRawQuery(), body, request.getRemoteAddr()));
        server.maybePurge();
        return BackChannel.json(tokens.toJson());
    }
}
