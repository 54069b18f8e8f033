package dev.lanyard.as.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.BearerTokenRequired;
import dev.lanyard.rs.RequiredScopes;

/** A protected resource (rs-endpoints) on the test server: the resource {@code TestDeployment.RS}. */
@Path("api/items")
@RequestScoped
@BearerTokenRequired
@RequiredScopes("items:read")
public class ProtectedApi {

    @Inject
    AccessTokenPrincipal caller;

    @GET
    @Produces("text/plain")
    public String items() {
        return "items of " + caller.subject() + " for " + caller.clientId();
    }
}
