package dev.lanyard.sample;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * DNS rebinding protection of the MCP endpoint (MCP 2025-11-25, Streamable HTTP, security warning: servers MUST
 * validate the {@code Origin} header): a request that carries an {@code Origin} other than the sample's own and the
 * configured browser clients' ({@code lanyard.rs.cors.allowed-origins}) gets 403 before anything else runs. A request
 * without {@code Origin} (not from a browser page) passes; the bearer token is checked next.
 */
final class OriginCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient Set<String> allowed;

    OriginCheck(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed.contains(origin) && !allowed.contains("*")) {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
