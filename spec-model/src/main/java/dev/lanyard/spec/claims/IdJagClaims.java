package dev.lanyard.spec.claims;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.internal.json.ClaimReads;
import dev.lanyard.spec.internal.json.JsonP;
import dev.lanyard.spec.internal.json.JsonReads;
import dev.lanyard.spec.internal.json.JsonWrites;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The claims of an Identity Assertion JWT Authorization Grant (ID-JAG, {@value Specs#ID_JAG} §3.1), issued by the
 * IdP authorization server and presented to the resource authorization server as a JWT bearer grant.
 *
 * <p>{@code aud} is the resource authorization server's issuer identifier: a string, or an array of exactly one
 * string (§4.4.1); any other array is a violation. It is written back as a string. {@code resource} is written as a
 * string when it has one value, as an array otherwise. Unknown claims are kept in {@link #extensions()}; an empty
 * optional list is omitted on output.
 *
 * @param iss                  {@code iss}, REQUIRED: the IdP's issuer identifier
 * @param sub                  {@code sub}, REQUIRED: the user, as the resource authorization server knows them by SSO
 * @param aud                  {@code aud}, REQUIRED: the resource authorization server's issuer identifier
 * @param clientId             {@code client_id}, REQUIRED: the client's identifier at the resource authorization
 *                             server
 * @param jti                  {@code jti}, REQUIRED
 * @param exp                  {@code exp}, REQUIRED: in seconds since the epoch
 * @param iat                  {@code iat}, REQUIRED: in seconds since the epoch
 * @param nbf                  {@code nbf} (RFC 7519 §4.1.5, honoured per RFC 7523 §3), OPTIONAL
 * @param resource             {@code resource}, OPTIONAL: RFC 8707 resource indicators
 * @param scope                {@code scope}, OPTIONAL
 * @param authorizationDetails {@code authorization_details} (RFC 9396 §2), OPTIONAL: objects with a {@code type}
 * @param act                  {@code act} (RFC 8693 §4.1), OPTIONAL
 * @param cnf                  {@code cnf} (RFC 7800 §3.1; §8.6 of the draft: DPoP key binding), OPTIONAL
 * @param tenant               {@code tenant}, OPTIONAL: the IdP tenant of a multi-tenant issuer
 * @param authTime             {@code auth_time}, OPTIONAL
 * @param acr                  {@code acr}, OPTIONAL
 * @param amr                  {@code amr}, OPTIONAL
 * @param audTenant            {@code aud_tenant}, OPTIONAL: the resource authorization server's tenant
 * @param audSub               {@code aud_sub}, OPTIONAL: the resource authorization server's identifier for the user
 * @param email                {@code email}, OPTIONAL (RECOMMENDED, with {@code aud_sub})
 * @param extensions           every other claim, in document order
 */
public record IdJagClaims(String iss, String sub, String aud, String clientId, String jti, long exp, long iat,
        Optional<Long> nbf, List<ResourceIndicator> resource, Optional<Scope> scope,
        List<JsonObject> authorizationDetails, Optional<JsonObject> act, Optional<JsonObject> cnf,
        Optional<String> tenant, Optional<Long> authTime, Optional<String> acr, List<String> amr,
        Optional<String> audTenant, Optional<String> audSub, Optional<String> email,
        Map<String, JsonValue> extensions) {

    /** The {@code typ} header value an ID-JAG MUST carry (§3.1). */
    public static final String TYP = "oauth-id-jag+jwt";

    private static final SpecRef CLAIMS = SpecRef.draft(Specs.ID_JAG, "3.1");
    private static final SpecRef AUDIENCE = SpecRef.draft(Specs.ID_JAG, "4.4.1");
    private static final SpecRef NBF = SpecRef.rfc(7519, "4.1.5");
    private static final SpecRef DETAILS = SpecRef.rfc(9396, "2");
    private static final SpecRef CNF = SpecRef.rfc(7800, "3.1");
    private static final Set<String> KNOWN = Set.of("iss", "sub", "aud", "client_id", "jti", "exp", "iat", "nbf",
            "resource", "scope", "authorization_details", "act", "cnf", "tenant", "auth_time", "acr", "amr",
            "aud_tenant", "aud_sub", "email");

    public IdJagClaims {
        Claims.requireText(iss, "iss");
        Claims.requireText(sub, "sub");
        Claims.requireText(aud, "aud");
        Claims.requireText(clientId, "client_id");
        Claims.requireText(jti, "jti");
        Claims.requireDate(exp, "exp");
        Claims.requireDate(iat, "iat");
        Claims.requireDate(nbf, "nbf");
        resource = List.copyOf(resource);
        Objects.requireNonNull(scope, "scope");
        authorizationDetails = List.copyOf(authorizationDetails);
        for (JsonObject detail : authorizationDetails) {
            if (!(detail.get("type") instanceof JsonString)) {
                throw new IllegalArgumentException("an authorization detail has a string type (RFC 9396 §2)");
            }
        }
        Objects.requireNonNull(act, "act");
        Objects.requireNonNull(cnf, "cnf");
        Objects.requireNonNull(tenant, "tenant");
        Claims.requireDate(authTime, "auth_time");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
        Objects.requireNonNull(audTenant, "audTenant");
        Objects.requireNonNull(audSub, "audSub");
        Objects.requireNonNull(email, "email");
        extensions = Claims.extensions(extensions, KNOWN);
    }

    /** A builder; required claims must be set before {@code build()}. */
    public static IdJagClaimsBuilder builder() {
        return new IdJagClaimsBuilder();
    }

    /** Whether a JWT {@code typ} header value marks an ID-JAG: {@code oauth-id-jag+jwt}, with or without the
     * {@code application/} prefix, case-insensitively (§3.1, §4.4.1; RFC 7515 §4.1.9). */
    public static boolean isIdJagTyp(String typ) {
        return JwtTyp.matches(typ, TYP);
    }

    /** Reads a claim set; every type error is reported, nothing is thrown. */
    public static Parsed<IdJagClaims> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        String iss = JsonReads.requiredString(o, "iss", v, CLAIMS);
        String sub = JsonReads.requiredString(o, "sub", v, CLAIMS);
        String aud = audience(o, v);
        String clientId = JsonReads.requiredString(o, "client_id", v, CLAIMS);
        String jti = JsonReads.requiredString(o, "jti", v, CLAIMS);
        Long exp = ClaimReads.requiredNumericDate(o, "exp", v, CLAIMS);
        Long iat = ClaimReads.requiredNumericDate(o, "iat", v, CLAIMS);
        Optional<Long> nbf = ClaimReads.numericDate(o, "nbf", v, NBF);
        List<ResourceIndicator> resource = resource(o, v);
        Optional<Scope> scope = ClaimReads.scope(o, "scope", v, CLAIMS);
        List<JsonObject> details = ClaimReads.objectArray(o, "authorization_details", v, DETAILS);
        for (int i = 0; i < details.size(); i++) {
            if (!(details.get(i).get("type") instanceof JsonString)) {
                v.add("/authorization_details/" + i + "/type", "is REQUIRED and must be a string", DETAILS);
            }
        }
        Optional<JsonObject> act = JsonReads.object(o, "act", v, SpecRef.rfc(8693, "4.1"));
        Optional<JsonObject> cnf = JsonReads.object(o, "cnf", v, CNF);
        Optional<String> tenant = JsonReads.string(o, "tenant", v, CLAIMS);
        Optional<Long> authTime = ClaimReads.numericDate(o, "auth_time", v, CLAIMS);
        Optional<String> acr = JsonReads.string(o, "acr", v, CLAIMS);
        List<String> amr = JsonReads.stringList(o, "amr", v, CLAIMS);
        Optional<String> audTenant = JsonReads.string(o, "aud_tenant", v, CLAIMS);
        Optional<String> audSub = JsonReads.string(o, "aud_sub", v, CLAIMS);
        Optional<String> email = JsonReads.string(o, "email", v, CLAIMS);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new IdJagClaims(iss, sub, aud, clientId, jti, exp, iat, nbf, resource, scope, details, act,
                cnf, tenant, authTime, acr, amr, audTenant, audSub, email, JsonReads.extensions(o, KNOWN)));
    }

    /** Reads a claim set from JSON text (strictly: duplicate members refused). */
    public static Parsed<IdJagClaims> parse(String json) {
        return StrictJson.parseObject(json).flatMap(IdJagClaims::parse);
    }

    /** The claim set as JSON. */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("iss", iss).add("sub", sub).add("aud", aud)
                .add("client_id", clientId).add("jti", jti).add("exp", exp).add("iat", iat);
        JsonWrites.put(b, "nbf", nbf);
        ClaimReads.putStringOrArray(b, "resource", resource.stream().map(ResourceIndicator::value).toList());
        JsonWrites.put(b, "scope", scope);
        ClaimReads.putValues(b, "authorization_details", authorizationDetails);
        JsonWrites.put(b, "act", act);
        JsonWrites.put(b, "cnf", cnf);
        JsonWrites.put(b, "tenant", tenant);
        JsonWrites.put(b, "auth_time", authTime);
        JsonWrites.put(b, "acr", acr);
        JsonWrites.putList(b, "amr", amr);
        JsonWrites.put(b, "aud_tenant", audTenant);
        JsonWrites.put(b, "aud_sub", audSub);
        JsonWrites.put(b, "email", email);
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

    private static String audience(JsonObject o, Violations.Collector v) {
        List<String> aud = ClaimReads.stringOrArray(o, "aud", true, v, CLAIMS);
        if (o.get("aud") instanceof JsonArray array && array.size() != 1) {
            // §4.4.1: if the aud claim is an array, it MUST contain exactly one element
            v.add("/aud", "must be a single issuer identifier: a string or an array of exactly one", AUDIENCE);
            return null;
        }
        return aud.size() == 1 ? aud.get(0) : null;
    }

    private static List<ResourceIndicator> resource(JsonObject o, Violations.Collector v) {
        List<String> values = ClaimReads.stringOrArray(o, "resource", false, v, CLAIMS);
        boolean array = o.get("resource") instanceof JsonArray;
        List<ResourceIndicator> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(ResourceIndicator.parse(values.get(i)));
            } catch (OAuthException e) {
                // RFC 8707 §2: an absolute URI without a fragment
                v.add(array ? "/resource/" + i : "/resource", e.error().description().orElse("is not a resource"),
                        SpecRef.rfc(8707, "2"));
            }
        }
        return List.copyOf(out);
    }
}
