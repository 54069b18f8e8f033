package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.as.internal.AuthorizationFlow;
import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.as.internal.FormBody;
import dev.lanyard.as.internal.Pages;
import dev.lanyard.spec.core.FormParameters;

/**
 * The authorization endpoint ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.1.1), code flow only, GET and POST.
 *
 * <p>Errors before the client and redirect URI are validated are a 400 page without {@code Location}; after, a
 * redirect with {@code error}, {@code state} and {@code iss}. The user is authenticated by the container through
 * Jakarta Security: without a caller, the browser goes to {@link dev.lanyard.as.servlet.SignInServlet}, which calls
 * {@link SecurityContext#authenticate} so that the application's {@code HttpAuthenticationMechanism} (a form login with
 * {@code @LoginToContinue}, say) signs the user in, and then comes back here with the same request. Every response
 * carries the front channel's headers ({@link Pages}); none carries CORS headers.
 */
@Path("authorize")
@ApplicationScoped
public class AuthorizationEndpoint {

    @Inject
    AuthorizationServer server;
    @Inject
    SecurityContext security;

    /** Created by CDI. */
    public AuthorizationEndpoint() {
        // fields are injected
    }

    /** An authorization request in the query. */
    @GET
    public Response get(@Context UriInfo uri, @Context HttpServletRequest request) {
        FormParameters form = FormBody.query(uri.getRequestUri().getRawQuery());
        return authorize(form, false, request);
    }

    /** An authorization request in a form body (and the query, read as one: a parameter in both is repeated). */
    @POST
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body,
            @Context HttpServletRequest request) {
        FormParameters form = FormBody.queryAndBody(uri.getRequestUri().getRawQuery(), headers.getMediaType(), body);
        return authorize(form, true, request);
    }

    /** No CORS here (OAuth 2.1 §3.1): a preflight learns the methods and nothing that would let a script in. */
    @OPTIONS
    public Response options() {
        return Pages.secured(Response.noContent().header("Allow", "GET, POST, OPTIONS")).build();
    }

    private Response authorize(FormParameters form, boolean post, HttpServletRequest request) {
        AuthorizationFlow flow = server.flow();
        AuthorizationFlow.Target target = flow.validate(form);
        Principal caller = security.getCallerPrincipal();
        if (caller != null) {
            return flow.authorize(target, form, caller.getName(), post);
        }
        // RFC 9700 §4.11.2: the user is authenticated before any error is redirected, but for prompt=none
        return flow.loginRequired(target, form, post).orElseGet(() -> flow.signIn(
                flow.authorizationPath() + "?" + form.toUrlEncoded(), request.getContextPath(), post));
    }
}
