package dev.lanyard.rs.servlet;

import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.spec.core.Scope;

/**
 * Which scope a request through {@link BearerTokenServletFilter} needs. The default bean answers
 * {@code lanyard.rs.required-scopes} for every request; replace it with an {@code @Alternative @Priority} bean to
 * decide per request (for example per MCP tool).
 */
public interface ScopeRequirement {

    /** The scope {@code request} needs; empty when a valid token suffices. */
    Scope requiredFor(HttpServletRequest request);
}
