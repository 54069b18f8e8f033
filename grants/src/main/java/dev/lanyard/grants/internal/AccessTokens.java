package dev.lanyard.grants.internal;

import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.keys.VerifiedJws;
import dev.lanyard.spec.claims.AccessTokenClaims;

/** Reads the server's own access tokens back (for revocation and introspection): signature, {@code typ}, issuer. */
public final class AccessTokens {

    private AccessTokens() {
    }

    /**
     * The claims of {@code token} when it is an access token this server signed: a published key verifies it, its
     * {@code typ} is {@code at+jwt} (RFC 9068 §4), its claims are well-typed and {@code iss} is this issuer. Expiry is
     * not checked. Never throws on any input.
     */
    public static Optional<AccessTokenClaims> read(String token, SigningKeys keys, GrantSettings settings) {
        Optional<VerifiedJws> jws = keys.verify(token);
        if (jws.isEmpty() || !AccessTokenClaims.isAccessTokenTyp(jws.get().typ().orElse(null))) {
            return Optional.empty();
        }
        return AccessTokenClaims.parse(jws.get().payload()).toOptional()
                .filter(c -> c.iss().equals(settings.issuer()));
    }
}
