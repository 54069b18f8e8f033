package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.lanyard.as.internal.AuthorizationFlow;
import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.as.internal.FormBody;
import dev.lanyard.spec.core.FormParameters;

/**
 * The consent page's answer, and the withdrawal of a consent. The answer is accepted once, from the signed-in user the
 * page was shown to, with the page's CSRF token; approval issues the code and redirects with 303 (never 307).
 */
@Path("authorize/consent")
@ApplicationScoped
public class ConsentEndpoint {

    @Inject
    AuthorizationServer server;
    @Inject
    SecurityContext security;

    /** Created by CDI. */
    public ConsentEndpoint() {
        // fields are injected
    }

    /** Approve or deny: {@code pending}, {@code csrf}, {@code decision=approve|deny}. */
    @POST
    public Response answer(@Context HttpHeaders headers, InputStream body) {
        return server.flow().answer(FormBody.read(headers.getMediaType(), body), caller());
    }

    /** The page that asks to confirm the withdrawal of the consent to {@code client_id}. */
    @GET
    @Path("withdraw")
    public Response withdrawPage(@Context UriInfo uri, @Context HttpServletRequest request) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        FormParameters query = FormBody.query(rawQuery);
        Optional<String> caller = caller();
        if (caller.isEmpty()) {
            AuthorizationFlow flow = server.flow();
            return flow.signIn(flow.authorizationPath() + "/consent/withdraw?" + query.toUrlEncoded(),
                    request.getContextPath(), false);
        }
        return server.withdrawal().page(query, caller.get());
    }

    /** The confirmed withdrawal: {@code client_id}, {@code csrf}. */
    @POST
    @Path("withdraw")
    public Response withdraw(@Context HttpHeaders headers, InputStream body) {
        return server.withdrawal().confirm(FormBody.read(headers.getMediaType(), body), caller());
    }

    private Optional<String> caller() {
        Principal p = security.getCallerPrincipal();
        return p == null ? Optional.empty() : Optional.of(p.getName());
    }
}
