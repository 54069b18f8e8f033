package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.util.List;

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
import dev.lanyard.grants.grant.TokenRequestContext;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * The token endpoint ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §3.2): authorization code, refresh token and client
 * credentials grants, and when configured token exchange (ID-JAG, delegation) and the JWT bearer grant (ID-JAG),
 * which read the {@code DPoP} header; client authentication by {@code none}, {@code client_secret_basic},
 * {@code client_secret_post} or {@code private_key_jwt}, one method per request. POST with a form body only:
 * credentials in the query are refused, other query parameters ignored, a method override header is not honoured.
 * Answers carry
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
        // RFC 9449 §4.3: every DPoP header field is passed on; the grants that read proofs refuse more than one
        List<String> dpop = headers.getRequestHeader("DPoP");
        AccessTokenResponse tokens = server.tokenEndpoint().token(
                BackChannel.input(headers, uri.getRequestUri().getRawQuery(), body, request.getRemoteAddr()),
                new TokenRequestContext(dpop == null ? List.of() : dpop));
        server.maybePurge();
        return BackChannel.json(tokens.toJson());
    }
}
