package dev.lanyard.rs.servlet;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.internal.BearerGate;
import dev.lanyard.rs.internal.CallerHolder;
import dev.lanyard.rs.internal.ProtectedResource;
import dev.lanyard.rs.internal.ReplayingRequest;
import dev.lanyard.rs.internal.ResourceCors;

/**
 * The servlet variant of the bearer filter, for transports that are servlets (the MCP Java SDK's Streamable HTTP
 * transport). Same validator and challenges as the JAX-RS filter; the scope each request needs comes from the
 * {@link ScopeRequirement} bean (default: {@code lanyard.rs.required-scopes}, plus the scopes of the MCP tools a POST
 * calls, {@code lanyard.rs.tool-scopes.<tool>}), so that a client missing a tool's scope gets the 403
 * {@code insufficient_scope} challenge naming every scope the call needs (MCP step-up authorization).
 *
 * <p>Register it in front of the protected servlet, async-supported (the MCP transport is asynchronous):
 * <pre>{@code
 * FilterRegistration.Dynamic f = context.addFilter("lanyard-bearer", BearerTokenServletFilter.class);
 * f.setAsyncSupported(true);
 * f.addMappingForUrlPatterns(null, false, "/mcp");
 * }</pre>
 *
 * <p>CORS ({@code lanyard.rs.cors.allowed-origins}): a preflight {@code OPTIONS} is answered 204 here, without a
 * challenge; every other answer from an allowed origin, challenges included, carries
 * {@code Access-Control-Allow-Origin} and exposes {@code WWW-Authenticate} and {@code Mcp-Session-Id}.
 */
public class BearerTokenServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProtectedResource resource;

    @Inject
    transient CallerHolder holder;

    @Inject
    transient ScopeRequirement requirement;

    /** Created by the container (CDI, JAX-RS or the servlet container). */
    public BearerTokenServletFilter() {
        // fields are injected
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (ResourceCors.isPreflight(request.getMethod(), origin, request.getHeader("Access-Control-Request-Method"))) {
            // Fetch standard: a preflight carries no credentials, so it is answered, never challenged
            setHeaders(response, resource.cors().preflight(origin));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        // on every answer, the 401/403/400 challenges included, so that the page can read them
        setHeaders(response, resource.cors().actual(origin));
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        boolean tokenInBody = bodyHasToken(request);
        HttpServletRequest forwarded = request;
        int toRead = requirement.bodyBytesToRead();
        if (toRead > 0 && "POST".equals(request.getMethod())) {
            // bounded: at most toRead + 1 bytes are held; the servlet reads them again, then the rest
            forwarded = ReplayingRequest.buffer(request, toRead);
        }
        BearerGate.Outcome outcome = resource.gate().check(authorization, tokenInBody,
                requirement.requiredFor(forwarded));
        switch (outcome) {
            case BearerGate.Allowed allowed -> {
                holder.set(allowed.caller());
                chain.doFilter(new Authenticated(forwarded, allowed.caller(),
                        resource.settings().scopeHierarchy().expand(allowed.caller().scope())), response);
            }
            case BearerGate.Denied denied -> {
                response.setStatus(denied.status());
                response.setHeader("WWW-Authenticate", denied.wwwAuthenticate());
                response.setHeader("Cache-Control", "no-store");
                if (denied.body().isPresent()) {
                    response.setContentType("application/json");
                    response.getWriter().write(denied.body().get().toString());
                }
            }
        }
    }

    private static void setHeaders(HttpServletResponse response, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name.equals("Vary")) {
                response.addHeader(name, value);
            } else {
                response.setHeader(name, value);
            }
        });
    }

    // RFC 6750 §2.2: a form-encoded POST body may carry access_token; the query never counts (OAuth 2.1 §5.1)
    private static boolean bodyHasToken(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || "GET".equals(request.getMethod())) {
            return false;
        }
        String[] all = request.getParameterValues("access_token");
        String query = request.getQueryString();
        int inQuery = query == null ? 0 : (int) java.util.Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("access_token=") || p.equals("access_token")).count();
        return all != null && all.length > inQuery;
    }

    /** The request as the protected servlet sees it: the caller and its scopes as roles. */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final AccessTokenPrincipal caller;
        private final Set<String> roles;

        Authenticated(HttpServletRequest request, AccessTokenPrincipal caller, Set<String> roles) {
            super(request);
            this.caller = caller;
            this.roles = roles;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.subject();
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }

        @Override
        public String getAuthType() {
            return "Bearer";
        }
    }
}
