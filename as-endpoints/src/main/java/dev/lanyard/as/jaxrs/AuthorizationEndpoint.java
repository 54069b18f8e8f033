package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.security.Principal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Jakarta Security: when there is no caller, {@link SecurityContext#authenticate} hands over to the application's
 * {@code HttpAuthenticationMechanism} (a form login with {@code @LoginToContinue}, say), which returns the browser here
 * once the user signed in. Every response carries the front channel's headers ({@link Pages}); none carries CORS
 * headers.
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
    public Response get(@Context UriInfo uri, @Context HttpServletRequest request,
            @Context HttpServletResponse response) {
        FormParameters form = FormBody.query(uri.getRequestUri().getRawQuery());
        return authorize(form, false, request, response);
    }

    /** An authorization request in a form body (and the query, read as one: a parameter in both is repeated). */
    @POST
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body,
            @Context HttpServletRequest request, @Context HttpServletResponse response) {
        FormParameters form = FormBody.queryAndBody(uri.getRequestUri().getRawQuery(), headers.getMediaType(), body);
        return authorize(form, true, request, response);
    }

    /** No CORS here (OAuth 2.1 §3.1): a preflight learns the methods and nothing that would let a script in. */
    @OPTIONS
    public Response options() {
        return Pages.secured(Response.noContent().header("Allow", "GET, POST, OPTIONS")).build();
    }

    private Response authorize(FormParameters form, boolean post, HttpServletRequest request,
            HttpServletResponse response) {
        AuthorizationFlow flow = server.flow();
        AuthorizationFlow.Target target = flow.validate(form);
        Principal caller = security.getCallerPrincipal();
        if (caller != null) {
            return flow.authorize(target, form, caller.getName(), post);
        }
        var silent = flow.loginRequired(target, form, post);
        if (silent.isPresent()) {
            return silent.get();
        }
        if (post) {
            return flow.asGet(form);
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams());
        caller = security.getCallerPrincipal();
        if (status == AuthenticationStatus.SUCCESS && caller != null) {
            return flow.authorize(target, form, caller.getName(), false);
        }
        if (status == AuthenticationStatus.SEND_CONTINUE || response.isCommitted()) {
            // the mechanism answered (its login page, or a redirect to it): nothing more to send
            return null;
        }
        return flow.notAuthenticated(target, false);
    }
}
