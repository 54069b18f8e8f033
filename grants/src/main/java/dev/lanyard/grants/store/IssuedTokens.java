package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a code redemption issued, recorded with the redemption so that a second redemption can revoke it
 * ({@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.1.3).
 *
 * @param refreshFamilyId      the refresh token family, when a refresh token was issued
 * @param accessTokenJti       the access token's {@code jti}
 * @param accessTokenExpiresAt the access token's {@code exp}
 */
public record IssuedTokens(Optional<String> refreshFamilyId, String accessTokenJti, Instant accessTokenExpiresAt) {

    public IssuedTokens {
        Objects.requireNonNull(refreshFamilyId, "refreshFamilyId");
        Objects.requireNonNull(accessTokenJti, "accessTokenJti");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
