package dev.lanyard.grants.token;

import java.time.Instant;
import java.util.Objects;

import dev.lanyard.spec.claims.AccessTokenClaims;

/**
 * A signed access token and what it says.
 *
 * @param value  the compact JWT; never logged
 * @param claims its claims
 */
public record IssuedAccessToken(String value, AccessTokenClaims claims) {

    public IssuedAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(claims, "claims");
    }

    /** {@code jti}. */
    public String jti() {
        return claims.jti();
    }

    /** {@code exp}. */
    public Instant expiresAt() {
        return claims.expiration();
    }

    /** Seconds from {@code iat} to {@code exp}: the {@code expires_in} of the token response. */
    public long expiresIn() {
        return claims.exp() - claims.iat();
    }

    /** The token is not shown. */
    @Override
    public String toString() {
        return "IssuedAccessToken[jti=" + claims.jti() + ", clientId=" + claims.clientId() + "]";
    }
}
