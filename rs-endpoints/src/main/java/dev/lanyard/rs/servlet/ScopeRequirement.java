package dev.lanyard.rs.servlet;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.spec.core.Scope;

/**
 * Which scope a request through {@link BearerTokenServletFilter} needs. The default bean answers
 * {@code lanyard.rs.required-scopes} for every request, plus, for an MCP {@code tools/call}, the scopes configured for
 * that tool ({@code lanyard.rs.tool-scopes.<tool>}); replace it with an {@code @Alternative @Priority} bean to decide
 * otherwise.
 */
public interface ScopeRequirement {

    /**
     * The scope {@code request} needs; empty when a valid token suffices. When {@link #bodyBytesToRead()} is
     * positive and the request is a POST, {@code request} keeps the first bytes of its body in memory: read them with
     * {@link InspectedBody#of(HttpServletRequest)} (the protected servlet still receives the whole body).
     */
    Scope requiredFor(HttpServletRequest request);

    /**
     * How many bytes of a POST body {@link #requiredFor} needs to see, read before the servlet and replayed to it.
     * Default: 0 (the body is left alone).
     */
    default int bodyBytesToRead() {
        return 0;
    }
}
