package dev.lanyard.rs.jaxrs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.lanyard.rs.BearerTokenRequired;
import dev.lanyard.rs.RequiredScopes;
import dev.lanyard.rs.internal.BearerGate;
import dev.lanyard.rs.internal.CallerHolder;
import dev.lanyard.rs.internal.ProtectedResource;
import dev.lanyard.rs.internal.ResourceCors;
import dev.lanyard.spec.core.Scope;

/**
 * Protects resources annotated {@link BearerTokenRequired}: validates the bearer token of the {@code Authorization}
 * header (tokens in the query are ignored, RFC 6750 §2.3 as updated by OAuth 2.1 §5.1), checks
 * {@link RequiredScopes}, and answers 401, 403 or 400 with the {@code WWW-Authenticate} challenge. CORS
 * ({@code lanyard.rs.cors.allowed-origins}): answers, challenges included, carry the headers for an allowed origin;
 * a preflight that reaches it (a resource with an {@code @OPTIONS} method) is answered 204, never challenged.
 */
@Provider
@ApplicationScoped
@BearerTokenRequired
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final int MAX_FORM_BODY = 64 * 1024;

    @Inject
    ProtectedResource resource;

    @Inject
    CallerHolder holder;

    @Context
    ResourceInfo resourceInfo;

    /** Created by the container (CDI, JAX-RS or the servlet container). */
    public BearerTokenFilter() {
        // fields are injected
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String origin = request.getHeaderString("Origin");
        if (ResourceCors.isPreflight(request.getMethod(), origin,
                request.getHeaderString("Access-Control-Request-Method"))) {
            // Fetch standard: a preflight carries no credentials, so it is answered, never challenged
            Response.ResponseBuilder r = Response.noContent();
            resource.cors().preflight(origin).forEach(r::header);
            request.abortWith(r.build());
            return;
        }
        List<String> authorization = request.getHeaders().getOrDefault(HttpHeaders.AUTHORIZATION, List.of());
        BearerGate.Outcome outcome = resource.gate().check(authorization, formBodyHasToken(request), requiredScope());
        switch (outcome) {
            case BearerGate.Allowed allowed -> {
                holder.set(allowed.caller());
                request.setSecurityContext(resource.securityContext(allowed.caller(),
                        request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
            }
            case BearerGate.Denied denied -> {
                Response.ResponseBuilder r = Response.status(denied.status())
                        .header(HttpHeaders.WWW_AUTHENTICATE, denied.wwwAuthenticate())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
                denied.body().ifPresent(b -> r.entity(b.toString()).type(MediaType.APPLICATION_JSON_TYPE));
                request.abortWith(r.build());
            }
        }
    }

    /** CORS headers on the resource's answer and on the challenges, for an allowed origin; a preflight has them. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (ResourceCors.isPreflight(request.getMethod(), origin,
                request.getHeaderString("Access-Control-Request-Method"))
                || response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        resource.cors().actual(origin).forEach((name, value) -> {
            if (name.equals("Vary")) {
                response.getHeaders().add(name, value);
            } else {
                response.getHeaders().putSingle(name, value);
            }
        });
    }

    private Scope requiredScope() {
        Method method = resourceInfo.getResourceMethod();
        RequiredScopes scopes = method == null ? null : method.getAnnotation(RequiredScopes.class);
        if (scopes == null && resourceInfo.getResourceClass() != null) {
            scopes = resourceInfo.getResourceClass().getAnnotation(RequiredScopes.class);
        }
        return scopes == null ? resource.settings().requiredScopes() : Scope.of(scopes.value());
    }

    // RFC 6750 §2.2: a form-encoded body may carry access_token; together with the header it is two methods
    private static boolean formBodyHasToken(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type) || !request.hasEntity()) {
            return false;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(MAX_FORM_BODY + 1);
        byte[] rest = in.readAllBytes();
        byte[] all = rest.length == 0 ? body : concat(body, rest);
        request.setEntityStream(new ByteArrayInputStream(all));
        String text = new String(body, StandardCharsets.US_ASCII);
        return text.startsWith("access_token=") || text.contains("&access_token=");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
