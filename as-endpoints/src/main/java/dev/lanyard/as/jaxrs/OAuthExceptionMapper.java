package dev.lanyard.as.jaxrs;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.lanyard.as.internal.AuthorizationServer;
import dev.lanyard.spec.error.OAuthException;

/**
 * Renders every {@link OAuthException} that reaches JAX-RS: JSON with {@code Cache-Control: no-store} at the back
 * channel (401 and {@code WWW-Authenticate: Basic} for {@code invalid_client} after an {@code Authorization} header;
 * RFC 6749 §5.2), an HTML page without {@code Location} at the authorization and consent endpoints, whose errors
 * arrive here only when they must not be redirected (OAuth 2.1 §4.1.2.1). The exception's internal detail is logged,
 * never sent.
 */
@Provider
@ApplicationScoped
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class.getName());

    @Inject
    AuthorizationServer server;
    @Context
    ResourceInfo resource;
    @Context
    HttpHeaders headers;

    /** Created by the container. */
    public OAuthExceptionMapper() {
        // fields are injected
    }

    @Override
    public Response toResponse(OAuthException e) {
        LOG.log(Level.FINE, () -> "OAuth error " + e.getMessage() + e.detail().map(d -> " [" + d + "]").orElse(""));
        if (FrontChannel.is(resource)) {
            return server.errors().page(e.error());
        }
        return server.errors().json(e.error(), headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null);
    }
}
