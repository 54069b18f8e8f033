package dev.lanyard.grants.internal.keys;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * A snapshot of the server's keys: the one that signs, the ones published, and until when the snapshot holds.
 * Immutable.
 */
public final class KeyRing {

    private final KeyMaterial active;
    private final Map<String, KeyMaterial> published;
    private final String publicJwksJson;
    private final Instant validUntil;

    /**
     * @param active     the key that signs
     * @param published  every key in the JWKS (next, active, recently retired)
     * @param validUntil when to look at the store again
     */
    public KeyRing(KeyMaterial active, List<KeyMaterial> published, Instant validUntil) {
        this.active = Objects.requireNonNull(active, "active");
        Map<String, KeyMaterial> byKid = new LinkedHashMap<>();
        published.forEach(k -> byKid.putIfAbsent(k.kid(), k));
        byKid.putIfAbsent(active.kid(), active);
        this.published = Map.copyOf(byKid);
        this.publicJwksJson = new JWKSet(byKid.values().stream().map(KeyMaterial::publicJwk).map(JWK.class::cast)
                .toList()).toString(true);
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The key that signs. */
    public KeyMaterial active() {
        return active;
    }

    /** The published key with this {@code kid}, or {@code null}. */
    public KeyMaterial published(String kid) {
        return published.get(kid);
    }

    /** The public JWK set, as JSON. */
    public String publicJwksJson() {
        return publicJwksJson;
    }

    /** When to look at the store again. */
    public Instant validUntil() {
        return validUntil;
    }
}
