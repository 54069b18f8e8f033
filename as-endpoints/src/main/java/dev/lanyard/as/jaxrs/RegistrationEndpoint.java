package dev.lanyard.as.jaxrs;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.as.internal.DynamicRegistration;
import dev.lanyard.as.internal.RegistrationTokenRefused;
import dev.lanyard.grants.store.DynamicClientRecord;

/**
 * The client registration endpoint (RFC 7591 §3) and the client configuration endpoint (RFC 7592 §2), when
 * {@code lanyard.as.registration.enabled=true} (404 otherwise).
 *
 * <ul>
 *   <li>{@code POST /register}: rate-limited per source address (429 with {@code Retry-After}); open, or protected
 *       by initial access tokens in the {@code Authorization: Bearer} header (401 otherwise, RFC 7591 §3). A valid
 *       request is answered 201 with the client's metadata, its issued {@code client_id}, a {@code client_secret}
 *       only for a {@code client_secret_*} method, and its {@code registration_access_token} and
 *       {@code registration_client_uri}; errors are RFC 7591 §3.2.2 JSON ({@code invalid_redirect_uri},
 *       {@code invalid_client_metadata}, {@code invalid_request}; 413 for an oversized body).</li>
 *   <li>{@code GET}, {@code PUT}, {@code DELETE /register/<client_id>} with the registration access token as Bearer
 *       token: read (200), replace (200; 400 {@code invalid_request} for members the server issues), delete (204, or
 *       405 when deletion is disabled). A wrong or missing token, or an unknown client, is 401 with
 *       {@code WWW-Authenticate: Bearer}.</li>
 * </ul>
 * Every answer carries {@code Cache-Control: no-store}.
 */
@Path("register")
@ApplicationScoped
public class RegistrationEndpoint {

    @Inject
    DynamicRegistration registration;
    @Inject
    AuthorizationServer server;

    /** Created by CDI. */
    public RegistrationEndpoint() {
        // fields are injected
    }

    /** A registration request. */
    @POST
    public Response register(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        if (!registration.isEnabled()) {
            return notFound();
        }
        if (!registration.allow(request.getRemoteAddr())) {
            return Response.status(429).header("Retry-After", "60").header("Cache-Control", "no-store").build();
        }
        try {
            JsonObject client = registration.register(authorization(headers), contentType(headers), body);
            server.maybePurge(); // registrations that expired unused go, also when no token is requested
            return json(Response.Status.CREATED, client);
        } catch (RegistrationTokenRefused e) {
            return refused(e);
        }
    }

    /** Reads a client's registration (RFC 7592 §2.1). */
    @GET
    @Path("{clientId}")
    public Response read(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        if (!registration.isEnabled()) {
            return notFound();
        }
        try {
            DynamicClientRecord record = registration.authorize(clientId, authorization(headers));
            return json(Response.Status.OK, registration.read(record, authorization(headers)));
        } catch (RegistrationTokenRefused e) {
            return refused(e);
        }
    }

    /** Replaces a client's registration (RFC 7592 §2.2). */
    @PUT
    @Path("{clientId}")
    public Response update(@PathParam("clientId") String clientId, @Context HttpHeaders headers, InputStream body) {
        if (!registration.isEnabled()) {
            return notFound();
        }
        try {
            DynamicClientRecord record = registration.authorize(clientId, authorization(headers));
            return json(Response.Status.OK, registration.update(record, authorization(headers), contentType(headers),
                    body));
        } catch (RegistrationTokenRefused e) {
            return refused(e);
        }
    }

    /** Deletes a client's registration (RFC 7592 §2.3). */
    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        if (!registration.isEnabled()) {
            return notFound();
        }
        if (!registration.isDeleteEnabled()) {
            // RFC 7592 §2.3: a server that does not support deletion SHOULD answer 405
            return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "GET, PUT")
                    .header("Cache-Control", "no-store").build();
        }
        try {
            registration.delete(registration.authorize(clientId, authorization(headers)));
            return Response.noContent().header("Cache-Control", "no-store").build();
        } catch (RegistrationTokenRefused e) {
            return refused(e);
        }
    }

    private static List<String> authorization(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        return values == null ? List.of() : values;
    }

    private static Optional<String> contentType(HttpHeaders headers) {
        return Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    }

    private static Response json(Response.Status status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString())
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    // RFC 6750 §3: 401 with a Bearer challenge; an error code only when a token was sent (§3.1)
    private static Response refused(RegistrationTokenRefused e) {
        Response.ResponseBuilder b = Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", e.challenge()).header("Cache-Control", "no-store");
        if (e.tokenSent()) {
            b.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder().add("error", "invalid_token").build().toString());
        }
        return b.build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).header("Cache-Control", "no-store").build();
    }
}
