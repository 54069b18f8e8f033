package dev.lanyard.as.jaxrs;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.lanyard.as.internal.CorsRoutes;
import dev.lanyard.as.internal.ServerConfiguration;

/**
 * CORS (Fetch standard) for the endpoints a browser-based public client calls: the metadata documents and
 * {@code /jwks} for any origin (public documents), {@code /token}, {@code /revoke} and {@code /register[/<id>]} for
 * the origins of {@code lanyard.as.cors.allowed-origins}. Never at {@code /authorize}, the consent page or sign-in
 * (OAuth 2.1 §3.1: no CORS at the authorization endpoint). A preflight is answered 204 here; every answer of a covered
 * endpoint, errors included, carries the headers, so that the page can read the OAuth error. A disallowed origin gets
 * no CORS header, never {@code Access-Control-Allow-Credentials}.
 *
 * <p>Register it in the JAX-RS application beside the endpoints (found by scanning otherwise).
 */
@Provider
@PreMatching
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    ServerConfiguration configuration;

    /** Created by the container. */
    public CorsFilter() {
        // fields are injected
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (!CorsRoutes.isPreflight(request.getMethod(), origin,
                request.getHeaderString("Access-Control-Request-Method"))) {
            return;
        }
        routeOf(request).ifPresent(route -> {
            Response.ResponseBuilder r = Response.noContent();
            route.preflightHeaders(configuration.cors(), origin).forEach(r::header);
            if (route.variesByOrigin(configuration.cors())) {
                r.header("Vary", "Origin");
            }
            request.abortWith(r.build());
        });
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (CorsRoutes.isPreflight(request.getMethod(), request.getHeaderString("Origin"),
                request.getHeaderString("Access-Control-Request-Method"))) {
            return; // answered by the request filter, headers included
        }
        routeOf(request).ifPresent(route -> {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            route.actualHeaders(configuration.cors(), request.getHeaderString("Origin")).forEach(headers::putSingle);
            if (route.variesByOrigin(configuration.cors())) {
                headers.add("Vary", "Origin");
            }
        });
    }

    private static Optional<CorsRoutes.Route> routeOf(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return CorsRoutes.route(path.startsWith("/") ? path.substring(1) : path);
    }
}
