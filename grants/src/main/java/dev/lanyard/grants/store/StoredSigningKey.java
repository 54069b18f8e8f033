package dev.lanyard.grants.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signing key at rest.
 *
 * @param kid        the key id, unique
 * @param generation the key's place in the rotation sequence, unique: two nodes rotating at once cannot both add
 *                   the same generation
 * @param jwkJson    the private JWK, as JSON; never logged
 * @param status     the stored status (informational: the effective status follows {@code activateAt})
 * @param createdAt  when it was generated
 * @param activateAt when it starts signing
 */
public record StoredSigningKey(String kid, long generation, String jwkJson, KeyStatus status, Instant createdAt,
        Instant activateAt) {

    public StoredSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jwkJson, "jwkJson");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activateAt, "activateAt");
    }

    /** The private key is not shown. */
    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", generation=" + generation + ", status=" + status + ", activateAt="
                + activateAt + "]";
    }
}
