package dev.lanyard.rs.internal;

import java.security.Principal;
import java.util.Set;

import jakarta.ws.rs.core.SecurityContext;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ScopeHierarchy;

/** The JAX-RS security context of a protected request: the caller is the token's subject, roles are its scopes. */
final class TokenSecurityContext implements SecurityContext {

    private final AccessTokenPrincipal caller;
    private final Set<String> roles;
    private final boolean secure;

    TokenSecurityContext(AccessTokenPrincipal caller, ScopeHierarchy hierarchy, boolean secure) {
        this.caller = caller;
        this.roles = hierarchy.expand(caller.scope());
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    /** A role is a scope the token grants, directly or through the application's scope hierarchy. */
    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
