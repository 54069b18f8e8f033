package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/**
 * A refresh token at rest: keyed by the SHA-256 of the token, never the token itself. Every token of one grant
 * shares a family; rotation replaces the active token of the family.
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#OAUTH21} §4.3.1, §4.3.3; RFC 9700 §4.14.2.
 *
 * @param tokenHash       base64url SHA-256 of the token
 * @param familyId        the family: every token rotated from the same grant
 * @param clientId        the client it was issued to
 * @param subject         the user
 * @param scope           the scope granted; identical across the family (OAuth 2.1 §4.3.3)
 * @param resources       the resources granted
 * @param authTime        when the user authenticated, when known
 * @param issuedAt        when this token was issued
 * @param expiresAt       when this token expires if unused (idle expiry)
 * @param familyExpiresAt when the family expires whatever happens (absolute lifetime)
 * @param state           active, rotated or revoked
 */
public record RefreshTokenRecord(String tokenHash, String familyId, String clientId, String subject, Scope scope,
        List<ResourceIndicator> resources, Optional<Instant> authTime, Instant issuedAt, Instant expiresAt,
        Instant familyExpiresAt, RefreshTokenState state) {

    public RefreshTokenRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        resources = List.copyOf(resources);
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyExpiresAt, "familyExpiresAt");
        Objects.requireNonNull(state, "state");
        if (expiresAt.isAfter(familyExpiresAt)) {
            throw new IllegalArgumentException("a token cannot outlive its family");
        }
    }

    /** Whether the token has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The successor of this token in its family: same grant, new hash and times, active. */
    public RefreshTokenRecord successor(String newHash, Instant now, Instant newExpiresAt) {
        return new RefreshTokenRecord(newHash, familyId, clientId, subject, scope, resources, authTime, now,
                newExpiresAt, familyExpiresAt, RefreshTokenState.ACTIVE);
    }

    /** The hash is not a secret, but there is no need to show it. */
    @Override
    public String toString() {
        return "RefreshTokenRecord[familyId=" + familyId + ", clientId=" + clientId + ", scope=" + scope
                + ", expiresAt=" + expiresAt + ", state=" + state + "]";
    }
}
