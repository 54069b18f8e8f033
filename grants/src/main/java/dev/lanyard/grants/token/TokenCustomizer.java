package dev.lanyard.grants.token;

/**
 * Adds claims to access tokens before they are signed, for example {@code groups} or a tenant id. Customizers run in
 * the order given to the {@link AccessTokenIssuer}; they cannot change the registered claims that carry the grant's
 * decisions ({@code iss}, {@code sub}, {@code aud}, {@code client_id}, {@code scope}, times, {@code jti}).
 */
@FunctionalInterface
public interface TokenCustomizer {

    /** Adds claims through {@code context}. Runs on the token endpoint's path: keep it fast. */
    void customize(TokenContext context);
}
