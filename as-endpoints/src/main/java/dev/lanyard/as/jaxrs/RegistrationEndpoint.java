package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.as.internal.DynamicRegistration;

/**
 * The client registration endpoint (RFC 7591 §3), when {@code lanyard.as.registration.enabled=true} (404 otherwise):
 * open registration, rate-limited per source address (429 with {@code Retry-After}). A valid request is answered 201
 * with the client's metadata, its issued {@code client_id}, and a {@code client_secret} only for a
 * {@code client_secret_*} method; errors are RFC 7591 §3.2.2 JSON ({@code invalid_redirect_uri},
 * {@code invalid_client_metadata}, {@code invalid_request}; 413 for an oversized body).
 */
@Path("register")
@ApplicationScoped
public class RegistrationEndpoint {

    @Inject
    DynamicRegistration registration;

    /** Created by CDI. */
    public RegistrationEndpoint() {
        // fields are injected
    }

    /** A registration request. */
    @POST
    public Response register(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        if (!registration.isEnabled()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (!registration.allow(request.getRemoteAddr())) {
            return Response.status(429).header("Retry-After", "60").header("Cache-Control", "no-store").build();
        }
        JsonObject client = registration.register(
                Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(client.toString()).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
