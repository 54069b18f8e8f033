package dev.lanyard.as.jaxrs;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.grants.auth.ThrottledException;
import dev.lanyard.grants.store.StoreCapacityException;
import dev.lanyard.spec.error.OAuthError;

/**
 * Every other runtime exception: no stack trace ever reaches a client.
 *
 * <ul>
 *   <li>{@link ThrottledException}: 429 {@code temporarily_unavailable} with {@code Retry-After} ;</li>
 *   <li>{@link StoreCapacityException}: 503 {@code temporarily_unavailable};</li>
 *   <li>JAX-RS's own exceptions (404, 405 with {@code Allow}, ...): their response, with {@code Cache-Control:
 *       no-store} added when it has none (RFC 6749 §5.2 keeps error answers out of caches);</li>
 *   <li>anything else: logged, then {@code server_error} without detail (JSON or page at Lanyard's endpoints, an empty
 *       500 elsewhere).</li>
 * </ul>
 * Its priority is below the default, so that an application's own mapper of {@code RuntimeException} wins.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER + 1000)
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    AuthorizationServer server;
    @Context
    ResourceInfo resource;

    /** Created by the container. */
    public UnexpectedExceptionMapper() {
        // fields are injected
    }

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            Response response = w.getResponse();
            return response.getHeaderString(HttpHeaders.CACHE_CONTROL) == null
                    ? Response.fromResponse(response).header(HttpHeaders.CACHE_CONTROL, "no-store").build()
                    : response;
        }
        if (e instanceof ThrottledException t) {
            return server.errors().throttled(t);
        }
        OAuthError error;
        if (e instanceof StoreCapacityException) {
            LOG.log(Level.WARNING, "Request refused: {0}", e.getMessage());
            error = OAuthError.TEMPORARILY_UNAVAILABLE.withDescription("The server is busy; try again later");
        } else {
            LOG.log(Level.SEVERE, "Request failed", e);
            error = OAuthError.SERVER_ERROR.withDescription("The server could not process the request");
        }
        if (FrontChannel.is(resource)) {
            return server.errors().page(error);
        }
        if (FrontChannel.isLanyard(resource)) {
            return server.errors().json(error, false);
        }
        return Response.status(error.httpStatus()).build();
    }
}
