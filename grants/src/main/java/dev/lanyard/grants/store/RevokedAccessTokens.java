package dev.lanyard.grants.store;

import java.time.Instant;

/**
 * The {@code jti} of access tokens revoked before their expiry (RFC 7009 §2, and the tokens of a code redeemed
 * twice), kept until the token would have expired. Introspection consults it.
 */
public interface RevokedAccessTokens {

    /** Records {@code jti} as revoked until {@code expiresAt}. Idempotent. */
    void revoke(String jti, Instant expiresAt);

    /** Whether {@code jti} is revoked. */
    boolean isRevoked(String jti);

    /**
     * Forgets revocations of tokens that expired before {@code before}.
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant before);
}
