package dev.lanyard.grants.token;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonValue;

import dev.lanyard.spec.claims.AccessTokenClaimsBuilder;

/**
 * What a {@link TokenCustomizer} sees and may add. Not thread-safe; valid only during
 * {@link TokenCustomizer#customize}.
 */
public final class TokenContext {

    private static final Set<String> PROTECTED = Set.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti", "nbf",
            "auth_time", "scope", "act", "cnf", "groups", "roles", "entitlements", "acr", "amr");

    private final AccessTokenContent content;
    private final AccessTokenClaimsBuilder claims;
    private List<JsonValue> groups = List.of();
    private List<JsonValue> roles = List.of();
    private List<JsonValue> entitlements = List.of();

    TokenContext(AccessTokenContent content, AccessTokenClaimsBuilder claims) {
        this.content = content;
        this.claims = claims;
    }

    /** What the grant decided the token says. */
    public AccessTokenContent content() {
        return content;
    }

    /**
     * Adds a claim.
     *
     * @throws IllegalArgumentException for a registered claim the grant decides ({@code iss}, {@code sub},
     *                                  {@code aud}, {@code scope}, ...) or one with its own method here
     */
    public TokenContext claim(String name, JsonValue value) {
        if (PROTECTED.contains(name)) {
            throw new IllegalArgumentException("a customizer cannot set " + name);
        }
        claims.claim(name, value);
        return this;
    }

    /** Sets {@code groups} (RFC 9068 §2.2.3.1). */
    public TokenContext groups(List<JsonValue> values) {
        groups = List.copyOf(values);
        return this;
    }

    /** Sets {@code roles} (RFC 9068 §2.2.3.1). */
    public TokenContext roles(List<JsonValue> values) {
        roles = List.copyOf(values);
        return this;
    }

    /** Sets {@code entitlements} (RFC 9068 §2.2.3.1). */
    public TokenContext entitlements(List<JsonValue> values) {
        entitlements = List.copyOf(values);
        return this;
    }

    void apply() {
        claims.scim(groups, roles, entitlements);
    }
}
