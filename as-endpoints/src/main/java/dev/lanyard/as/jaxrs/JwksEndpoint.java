package dev.lanyard.as.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import dev.lanyard.as.internal.AuthorizationServer;

/**
 * The JWK set of the keys that sign access tokens (RFC 7517 §5; RFC 8414 {@code jwks_uri}): public members only, the
 * next key published before it signs and retired keys until their tokens expire.
 */
@Path("jwks")
@ApplicationScoped
public class JwksEndpoint {

    /** The media type of a JWK set (RFC 7517 §8.5.1). */
    public static final String JWK_SET = "application/jwk-set+json";

    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public JwksEndpoint() {
        // fields are injected
    }

    /** The public JWK set. */
    @GET
    public Response jwks() {
        return Response.ok(server.keys().publicJwksJson(), JWK_SET)
                .header("Cache-Control", "public, max-age=300").build();
    }
}
