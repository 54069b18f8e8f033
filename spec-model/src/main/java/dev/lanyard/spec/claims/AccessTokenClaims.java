package dev.lanyard.spec.claims;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.internal.json.ClaimReads;
import dev.lanyard.spec.internal.json.JsonP;
import dev.lanyard.spec.internal.json.JsonReads;
import dev.lanyard.spec.internal.json.JsonWrites;
import dev.lanyard.spec.ref.SpecRef;

/**
 * The claims of a JWT access token (RFC 9068 §2.2), as issued by the authorization server and checked by the
 * resource server.
 *
 * <p>Reading checks types only: NumericDates are JSON numbers in range, {@code aud} is a string or an array of
 * strings, {@code scope} follows RFC 6749 §3.3. Whether the token is for this resource, unexpired, or from the right
 * issuer is for the validator. Unknown claims are kept in {@link #extensions()} and written back.
 *
 * <p>{@code aud} is written as a single string when it has one value (as in RFC 9068 §3, Figure 2), and as an array
 * otherwise (RFC 7519 §4.1.3 allows both); an empty optional list is omitted on output.
 *
 * <p>Specifications: RFC 9068 §2.2, §2.2.1, §2.2.3, §2.2.3.1, §4; RFC 7519 §4.1; RFC 8693 §4.1 ({@code act}).
 *
 * @param iss          {@code iss}, REQUIRED: the issuer identifier of the authorization server
 * @param exp          {@code exp}, REQUIRED: expiry, in seconds since the epoch
 * @param aud          {@code aud}, REQUIRED: the resource indicators the token is for; never empty
 * @param sub          {@code sub}, REQUIRED: the resource owner, or the client for client credentials
 * @param clientId     {@code client_id}, REQUIRED: the client the token was issued to
 * @param iat          {@code iat}, REQUIRED: issue time, in seconds since the epoch
 * @param jti          {@code jti}, REQUIRED: the token's unique identifier
 * @param nbf          {@code nbf} (RFC 7519 §4.1.5), OPTIONAL: not valid before, in seconds since the epoch
 * @param authTime     {@code auth_time}, OPTIONAL: when the user authenticated
 * @param acr          {@code acr}, OPTIONAL: authentication context class reference
 * @param amr          {@code amr}, OPTIONAL: authentication methods references
 * @param scope        {@code scope}, OPTIONAL (SHOULD when scope was requested)
 * @param groups       {@code groups}, OPTIONAL: SCIM-style values (RFC 7643 §4.1.2), strings or objects
 * @param roles        {@code roles}, OPTIONAL: SCIM-style values
 * @param entitlements {@code entitlements}, OPTIONAL: SCIM-style values
 * @param act          {@code act} (RFC 8693 §4.1), OPTIONAL: the acting party of a delegation
 * @param extensions   every other claim, in document order
 */
public record AccessTokenClaims(String iss, long exp, List<String> aud, String sub, String clientId, long iat,
        String jti, Optional<Long> nbf, Optional<Long> authTime, Optional<String> acr, List<String> amr,
        Optional<Scope> scope, List<JsonValue> groups, List<JsonValue> roles, List<JsonValue> entitlements,
        Optional<JsonObject> act, Map<String, JsonValue> extensions) {

    /** The {@code typ} header value an access token MUST carry (RFC 9068 §2.1). */
    public static final String TYP = "at+jwt";

    private static final SpecRef CLAIMS = SpecRef.rfc(9068, "2.2");
    private static final SpecRef AUTHENTICATION = SpecRef.rfc(9068, "2.2.1");
    private static final SpecRef AUTHORIZATION = SpecRef.rfc(9068, "2.2.3");
    private static final SpecRef SCIM = SpecRef.rfc(9068, "2.2.3.1");
    private static final SpecRef NBF = SpecRef.rfc(7519, "4.1.5");
    private static final SpecRef ACT = SpecRef.rfc(8693, "4.1");
    private static final Set<String> KNOWN = Set.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti", "nbf",
            "auth_time", "acr", "amr", "scope", "groups", "roles", "entitlements", "act");

    public AccessTokenClaims {
        Claims.requireText(iss, "iss");
        Claims.requireDate(exp, "exp");
        aud = Claims.requireAudience(aud);
        Claims.requireText(sub, "sub");
        Claims.requireText(clientId, "client_id");
        Claims.requireDate(iat, "iat");
        Claims.requireText(jti, "jti");
        Claims.requireDate(nbf, "nbf");
        Claims.requireDate(authTime, "auth_time");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
        Objects.requireNonNull(scope, "scope");
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        entitlements = List.copyOf(entitlements);
        Objects.requireNonNull(act, "act");
        extensions = Claims.extensions(extensions, KNOWN);
    }

    /** A builder; required claims must be set before {@code build()}. */
    public static AccessTokenClaimsBuilder builder() {
        return new AccessTokenClaimsBuilder();
    }

    /**
     * Whether a JWT {@code typ} header value marks an access token: {@code at+jwt} or {@code application/at+jwt},
     * case-insensitively (RFC 9068 §4; A-054). Anything else, {@code null} (absent) included, is refused.
     */
    public static boolean isAccessTokenTyp(String typ) {
        return JwtTyp.matches(typ, TYP);
    }

    /** Reads a claim set; every type error is reported, nothing is thrown. */
    public static Parsed<AccessTokenClaims> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        String iss = JsonReads.requiredString(o, "iss", v, CLAIMS);
        Long exp = ClaimReads.requiredNumericDate(o, "exp", v, CLAIMS);
        List<String> aud = ClaimReads.stringOrArray(o, "aud", true, v, CLAIMS);
        String sub = JsonReads.requiredString(o, "sub", v, CLAIMS);
        String clientId = JsonReads.requiredString(o, "client_id", v, CLAIMS);
        Long iat = ClaimReads.requiredNumericDate(o, "iat", v, CLAIMS);
        String jti = JsonReads.requiredString(o, "jti", v, CLAIMS);
        Optional<Long> nbf = ClaimReads.numericDate(o, "nbf", v, NBF);
        Optional<Long> authTime = ClaimReads.numericDate(o, "auth_time", v, AUTHENTICATION);
        Optional<String> acr = JsonReads.string(o, "acr", v, AUTHENTICATION);
        List<String> amr = JsonReads.stringList(o, "amr", v, AUTHENTICATION);
        Optional<Scope> scope = ClaimReads.scope(o, "scope", v, AUTHORIZATION);
        List<JsonValue> groups = ClaimReads.array(o, "groups", v, SCIM);
        List<JsonValue> roles = ClaimReads.array(o, "roles", v, SCIM);
        List<JsonValue> entitlements = ClaimReads.array(o, "entitlements", v, SCIM);
        Optional<JsonObject> act = JsonReads.object(o, "act", v, ACT);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new AccessTokenClaims(iss, exp, aud, sub, clientId, iat, jti, nbf, authTime, acr, amr, scope,
                groups, roles, entitlements, act, JsonReads.extensions(o, KNOWN)));
    }

    /** Reads a claim set from JSON text (strictly: duplicate members refused). */
    public static Parsed<AccessTokenClaims> parse(String json) {
        return StrictJson.parseObject(json).flatMap(AccessTokenClaims::parse);
    }

    /** The claim set as JSON. */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("iss", iss).add("exp", exp);
        ClaimReads.putStringOrArray(b, "aud", aud);
        b.add("sub", sub).add("client_id", clientId).add("iat", iat).add("jti", jti);
        JsonWrites.put(b, "nbf", nbf);
        JsonWrites.put(b, "auth_time", authTime);
        JsonWrites.put(b, "acr", acr);
        JsonWrites.putList(b, "amr", amr);
        JsonWrites.put(b, "scope", scope);
        ClaimReads.putValues(b, "groups", groups);
        ClaimReads.putValues(b, "roles", roles);
        ClaimReads.putValues(b, "entitlements", entitlements);
        JsonWrites.put(b, "act", act);
        JsonWrites.putAll(b, extensions);
        return b.build();
    }

    /** {@code exp} as an instant. */
    public Instant expiration() {
        return Instant.ofEpochSecond(exp);
    }

    /** {@code iat} as an instant. */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(iat);
    }

    /** Whether {@code resource} is one of the audiences, compared exactly (RFC 9068 §4). */
    public boolean hasAudience(String resource) {
        return aud.contains(resource);
    }
}
