package dev.lanyard.rs.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import dev.lanyard.rs.AccessTokenPrincipal;

/** Holds the validated caller for the current request, and produces it for injection. */
@RequestScoped
public class CallerHolder {

    private AccessTokenPrincipal caller;

    /** Called by the filters once the token is validated. */
    public void set(AccessTokenPrincipal validated) {
        this.caller = validated;
    }

    /** The caller, or {@code null} outside a protected request. */
    public AccessTokenPrincipal get() {
        return caller;
    }

    /** {@code @Inject AccessTokenPrincipal caller;} in a protected resource. */
    @Produces
    @Dependent
    AccessTokenPrincipal caller() {
        return caller;
    }
}
