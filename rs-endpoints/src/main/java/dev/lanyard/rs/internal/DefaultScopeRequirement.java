package dev.lanyard.rs.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import dev.lanyard.rs.servlet.ScopeRequirement;
import dev.lanyard.spec.core.Scope;

/** The default {@link ScopeRequirement}: {@code lanyard.rs.required-scopes} for every request. */
@ApplicationScoped
public class DefaultScopeRequirement implements ScopeRequirement {

    @Inject
    ProtectedResource resource;

    @Override
    public Scope requiredFor(HttpServletRequest request) {
        return resource.settings().requiredScopes();
    }
}
