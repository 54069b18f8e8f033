package dev.lanyard.grants.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * A JWS whose signature one of the server's own keys verified.
 *
 * @param kid     the key that verified it
 * @param typ     the {@code typ} header, when present
 * @param payload the payload, as sent (JSON for a JWT)
 */
public record VerifiedJws(String kid, Optional<String> typ, String payload) {

    public VerifiedJws {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(typ, "typ");
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload may be a token's claims: not shown. */
    @Override
    public String toString() {
        return "VerifiedJws[kid=" + kid + ", typ=" + typ + "]";
    }
}
