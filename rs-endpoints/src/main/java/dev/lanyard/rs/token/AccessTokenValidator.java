package dev.lanyard.rs.token;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.internal.Validation;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.SpecRef;

/**
 * Validates bearer access tokens for one resource and checks the scopes an operation needs. Shared by the JAX-RS
 * filter and the servlet filter; thread-safe.
 *
 * <p>Specifications: RFC 9068 §4 (JWT access token validation), RFC 6750 §3.1 (errors), RFC 8707 §2 (audience),
 * MCP 2026-07-28 authorization (token handling, scope hierarchies).
 */
public final class AccessTokenValidator {

    private static final SpecRef RFC6750_ERRORS = SpecRef.rfc(6750, "3.1");

    private final ResourceServerSettings settings;
    private final Validation validation;

    private AccessTokenValidator(ResourceServerSettings settings, Validation validation) {
        this.settings = settings;
        this.validation = validation;
    }

    /**
     * A validator.
     *
     * @param settings        the resource server's settings
     * @param jwksUriOfIssuer finds the JWKS URL of a trusted issuer (from its metadata, or configuration)
     * @param fetch           fetches a JWKS document body through the project's SSRF-safe fetcher
     * @param clock           the clock
     */
    public static AccessTokenValidator create(ResourceServerSettings settings, Function<String, URI> jwksUriOfIssuer,
            Function<URI, String> fetch, Clock clock) {
        return create(settings, jwksUriOfIssuer, fetch, (endpoint, form, authorization) -> {
            throw new IllegalStateException("no transport for token introspection");
        }, clock);
    }

    /**
     * A validator that also introspects opaque tokens (RFC 7662) when the settings configure introspection.
     *
     * @param post posts the introspection request through the project's SSRF-safe fetcher
     */
    public static AccessTokenValidator create(ResourceServerSettings settings, Function<String, URI> jwksUriOfIssuer,
            Function<URI, String> fetch, FormPost post, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        return new AccessTokenValidator(settings, new Validation(settings, jwksUriOfIssuer, fetch, post, clock));
    }

    /** The settings. */
    public ResourceServerSettings settings() {
        return settings;
    }

    /**
     * Validates a token (from the {@code Authorization} header only).
     *
     * @return the caller
     * @throws OAuthException {@code invalid_token} (401) when the token is not valid for this resource
     */
    public AccessTokenPrincipal validate(String token) {
        return validation.validate(token);
    }

    /**
     * Checks that the caller's scope, after the application's scope hierarchy, covers {@code required}.
     *
     * @throws OAuthException {@code insufficient_scope} (403); its description names every scope needed
     */
    public void requireScope(AccessTokenPrincipal caller, Scope required) {
        if (!settings.scopeHierarchy().satisfies(caller.scope(), required)) {
            throw OAuthException.of(OAuthError.INSUFFICIENT_SCOPE, "The operation needs the scope " + required,
                    RFC6750_ERRORS);
        }
    }

    /** How many JWKS fetches were made (for tests and metrics). */
    public int jwksFetchCount() {
        return validation.jwksFetchCount();
    }

    /** How many verified tokens are cached (for tests and metrics). */
    public long cachedTokenCount() {
        return validation.cachedTokenCount();
    }
}
