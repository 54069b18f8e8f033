package dev.lanyard.spec.claims;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

/** Builds {@link IdJagClaims}; {@link #build()} checks the invariants. Not thread-safe. */
public final class IdJagClaimsBuilder {

    private String iss;
    private String sub;
    private String aud;
    private String clientId;
    private String jti;
    private long exp = -1;
    private long iat = -1;
    private Optional<Long> nbf = Optional.empty();
    private List<ResourceIndicator> resource = List.of();
    private Optional<Scope> scope = Optional.empty();
    private List<JsonObject> authorizationDetails = List.of();
    private Optional<JsonObject> act = Optional.empty();
    private Optional<JsonObject> cnf = Optional.empty();
    private Optional<String> tenant = Optional.empty();
    private Optional<Long> authTime = Optional.empty();
    private Optional<String> acr = Optional.empty();
    private List<String> amr = List.of();
    private Optional<String> audTenant = Optional.empty();
    private Optional<String> audSub = Optional.empty();
    private Optional<String> email = Optional.empty();
    private final Map<String, JsonValue> extensions = new LinkedHashMap<>();

    IdJagClaimsBuilder() {
    }

    /** Sets {@code iss}, the IdP's issuer identifier. */
    public IdJagClaimsBuilder iss(String value) {
        iss = value;
        return this;
    }

    /** Sets {@code sub}. */
    public IdJagClaimsBuilder sub(String value) {
        sub = value;
        return this;
    }

    /** Sets {@code aud}, the resource authorization server's issuer identifier. */
    public IdJagClaimsBuilder aud(String value) {
        aud = value;
        return this;
    }

    /** Sets {@code client_id}, the client's identifier at the resource authorization server. */
    public IdJagClaimsBuilder clientId(String value) {
        clientId = value;
        return this;
    }

    /** Sets {@code jti}. */
    public IdJagClaimsBuilder jti(String value) {
        jti = value;
        return this;
    }

    /** Sets {@code exp}. */
    public IdJagClaimsBuilder exp(Instant value) {
        exp = value.getEpochSecond();
        return this;
    }

    /** Sets {@code iat}. */
    public IdJagClaimsBuilder iat(Instant value) {
        iat = value.getEpochSecond();
        return this;
    }

    /** Sets {@code nbf}. */
    public IdJagClaimsBuilder nbf(Instant value) {
        nbf = Optional.of(value.getEpochSecond());
        return this;
    }

    /** Sets {@code resource}: the granted resources. */
    public IdJagClaimsBuilder resource(List<ResourceIndicator> values) {
        resource = values;
        return this;
    }

    /** Sets {@code scope}: the granted scope. */
    public IdJagClaimsBuilder scope(Scope value) {
        scope = Optional.of(value);
        return this;
    }

    /** Sets {@code authorization_details}: the granted details (RFC 9396). */
    public IdJagClaimsBuilder authorizationDetails(List<JsonObject> values) {
        authorizationDetails = values;
        return this;
    }

    /** Sets {@code act} (RFC 8693 §4.1). */
    public IdJagClaimsBuilder act(JsonObject value) {
        act = Optional.of(value);
        return this;
    }

    /** Sets {@code cnf} (RFC 7800), for example {@code {"jkt": "..."}} after a DPoP proof. */
    public IdJagClaimsBuilder cnf(JsonObject value) {
        cnf = Optional.of(value);
        return this;
    }

    /** Sets {@code tenant}. */
    public IdJagClaimsBuilder tenant(String value) {
        tenant = Optional.of(value);
        return this;
    }

    /** Sets {@code auth_time}, {@code acr} (may be {@code null}) and {@code amr}. */
    public IdJagClaimsBuilder authentication(Instant time, String acrValue, List<String> amrValues) {
        authTime = Optional.of(time.getEpochSecond());
        acr = Optional.ofNullable(acrValue);
        amr = amrValues;
        return this;
    }

    /** Sets {@code aud_tenant} and {@code aud_sub} (either may be {@code null}). */
    public IdJagClaimsBuilder audienceAccount(String tenantValue, String subValue) {
        audTenant = Optional.ofNullable(tenantValue);
        audSub = Optional.ofNullable(subValue);
        return this;
    }

    /** Sets {@code email}. */
    public IdJagClaimsBuilder email(String value) {
        email = Optional.of(value);
        return this;
    }

    /** Adds a claim without a component of its own. */
    public IdJagClaimsBuilder claim(String name, JsonValue value) {
        extensions.put(name, value);
        return this;
    }

    /**
     * The claim set.
     *
     * @throws NullPointerException     when a required claim is missing
     * @throws IllegalArgumentException when a value breaks an invariant of {@link IdJagClaims}
     */
    public IdJagClaims build() {
        return new IdJagClaims(iss, sub, aud, clientId, jti, exp, iat, nbf, resource, scope, authorizationDetails, act,
                cnf, tenant, authTime, acr, amr, audTenant, audSub, email, extensions);
    }
}
