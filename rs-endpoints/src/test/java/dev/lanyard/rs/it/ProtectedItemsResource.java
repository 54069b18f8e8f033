package dev.lanyard.rs.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.BearerTokenRequired;
import dev.lanyard.rs.RequiredScopes;

/** A protected resource shaped like the attack catalogue's RS: reading needs items:read, writing items:write. */
@Path("items")
@RequestScoped
@BearerTokenRequired
@RequiredScopes("items:read")
public class ProtectedItemsResource {

    @Inject
    AccessTokenPrincipal caller;

    @GET
    @Produces("text/plain")
    public String list(@Context SecurityContext security) {
        return "items for " + caller.subject() + " via " + caller.clientId()
                + " principal=" + security.getUserPrincipal().getName()
                + " role(items:read)=" + security.isUserInRole("items:read");
    }

    @POST
    @Produces("text/plain")
    @RequiredScopes("items:write")
    public String create() {
        return "created by " + caller.subject();
    }
}
