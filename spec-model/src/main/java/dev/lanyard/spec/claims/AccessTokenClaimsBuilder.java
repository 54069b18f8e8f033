package dev.lanyard.spec.claims;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.spec.core.Scope;

/** Builds {@link AccessTokenClaims}; {@link #build()} checks the invariants. Not thread-safe. */
public final class AccessTokenClaimsBuilder {

    private String iss;
    private long exp = -1;
    private List<String> aud = List.of();
    private String sub;
    private String clientId;
    private long iat = -1;
    private String jti;
    private Optional<Long> nbf = Optional.empty();
    private Optional<Long> authTime = Optional.empty();
    private Optional<String> acr = Optional.empty();
    private List<String> amr = List.of();
    private Optional<Scope> scope = Optional.empty();
    private List<JsonValue> groups = List.of();
    private List<JsonValue> roles = List.of();
    private List<JsonValue> entitlements = List.of();
    private Optional<JsonObject> act = Optional.empty();
    private final Map<String, JsonValue> extensions = new LinkedHashMap<>();

    AccessTokenClaimsBuilder() {
    }

    /** Sets {@code iss}. */
    public AccessTokenClaimsBuilder iss(String value) {
        iss = value;
        return this;
    }

    /** Sets {@code exp}. */
    public AccessTokenClaimsBuilder exp(Instant value) {
        exp = value.getEpochSecond();
        return this;
    }

    /** Sets {@code aud}. */
    public AccessTokenClaimsBuilder aud(String... values) {
        aud = List.of(values);
        return this;
    }

    /** Sets {@code aud}. */
    public AccessTokenClaimsBuilder aud(List<String> values) {
        aud = new ArrayList<>(values);
        return this;
    }

    /** Sets {@code sub}. */
    public AccessTokenClaimsBuilder sub(String value) {
        sub = value;
        return this;
    }

    /** Sets {@code client_id}. */
    public AccessTokenClaimsBuilder clientId(String value) {
        clientId = value;
        return this;
    }

    /** Sets {@code iat}. */
    public AccessTokenClaimsBuilder iat(Instant value) {
        iat = value.getEpochSecond();
        return this;
    }

    /** Sets {@code jti}. */
    public AccessTokenClaimsBuilder jti(String value) {
        jti = value;
        return this;
    }

    /** Sets {@code nbf}. */
    public AccessTokenClaimsBuilder nbf(Instant value) {
        nbf = Optional.of(value.getEpochSecond());
        return this;
    }

    /** Sets {@code auth_time}, {@code acr} (may be {@code null}) and {@code amr}. */
    public AccessTokenClaimsBuilder authentication(Instant time, String acrValue, List<String> amrValues) {
        authTime = Optional.of(time.getEpochSecond());
        acr = Optional.ofNullable(acrValue);
        amr = amrValues;
        return this;
    }

    /** Sets {@code scope}. */
    public AccessTokenClaimsBuilder scope(Scope value) {
        scope = Optional.of(value);
        return this;
    }

    /** Sets {@code groups}, {@code roles} and {@code entitlements}. */
    public AccessTokenClaimsBuilder scim(List<JsonValue> groupValues, List<JsonValue> roleValues,
            List<JsonValue> entitlementValues) {
        groups = groupValues;
        roles = roleValues;
        entitlements = entitlementValues;
        return this;
    }

    /** Sets {@code act} (RFC 8693 §4.1). */
    public AccessTokenClaimsBuilder act(JsonObject value) {
        act = Optional.of(value);
        return this;
    }

    /** Adds a claim without a component of its own. */
    public AccessTokenClaimsBuilder claim(String name, JsonValue value) {
        extensions.put(name, value);
        return this;
    }

    /**
     * The claim set.
     *
     * @throws NullPointerException     when a required claim is missing
     * @throws IllegalArgumentException when a value breaks an invariant of {@link AccessTokenClaims}
     */
    public AccessTokenClaims build() {
        return new AccessTokenClaims(iss, exp, aud, sub, clientId, iat, jti, nbf, authTime, acr, amr, scope, groups,
                roles, entitlements, act, extensions);
    }
}
