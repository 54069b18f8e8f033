package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization code at rest: keyed by the SHA-256 of the code, never the code itself.
 *
 * @param codeHash  base64url SHA-256 of the code
 * @param binding   what the code stands for
 * @param issuedAt  when it was issued
 * @param expiresAt when it stops being redeemable
 * @param consumed  whether it was redeemed (or invalidated)
 * @param issued    what its redemption issued; empty until redeemed, and for a code invalidated without issuing
 */
public record StoredAuthorizationCode(String codeHash, AuthorizationCodeBinding binding, Instant issuedAt,
        Instant expiresAt, boolean consumed, Optional<IssuedTokens> issued) {

    public StoredAuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issued, "issued");
    }

    /** Whether the code can no longer be redeemed at {@code now} because of its age. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** This code, consumed, with what its redemption issued. */
    public StoredAuthorizationCode consume(Optional<IssuedTokens> what) {
        return new StoredAuthorizationCode(codeHash, binding, issuedAt, expiresAt, true, what);
    }

    /** The hash is shown, the code never exists here. */
    @Override
    public String toString() {
        return "StoredAuthorizationCode[clientId=" + binding.clientId() + ", expiresAt=" + expiresAt + ", consumed="
                + consumed + "]";
    }
}
