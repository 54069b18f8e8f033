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

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violations;
import dev.lanyard.spec.internal.json.ClaimReads;
import dev.lanyard.spec.internal.json.JsonP;
import dev.lanyard.spec.internal.json.JsonReads;
import dev.lanyard.spec.internal.json.JsonWrites;
import dev.lanyard.spec.ref.SpecRef;
import dev.lanyard.spec.ref.Specs;

/**
 * The claims of a JWT used for client authentication ({@code private_key_jwt}, {@code client_secret_jwt}): RFC 7523
 * §3 as updated by {@value Specs#RFC7523BIS} §4. The same shape serves JWT authorization grants (RFC 7523 §2.1), whose
 * audience rule differs; {@link #checkFor(String, String)} applies the client-authentication rules.
 *
 * <p>{@code aud} is written as a string when it has one value, as an array otherwise. Unknown claims are kept in
 * {@link #extensions()}.
 *
 * @param iss        {@code iss}, REQUIRED: for client authentication, the {@code client_id}
 * @param sub        {@code sub}, REQUIRED: for client authentication, the {@code client_id}
 * @param aud        {@code aud}, REQUIRED: for client authentication, the authorization server's issuer identifier as
 *                   the sole value
 * @param exp        {@code exp}, REQUIRED: in seconds since the epoch
 * @param nbf        {@code nbf}, OPTIONAL
 * @param iat        {@code iat}, OPTIONAL
 * @param jti        {@code jti}, OPTIONAL (Lanyard's authorization server requires it, to refuse replays)
 * @param extensions every other claim, in document order
 */
public record ClientAssertionClaims(String iss, String sub, List<String> aud, long exp, Optional<Long> nbf,
        Optional<Long> iat, Optional<String> jti, Map<String, JsonValue> extensions) {

    /** The {@code typ} header value clients SHOULD use ({@value Specs#RFC7523BIS} §4). */
    public static final String TYP = "client-authentication+jwt";

    private static final SpecRef CLAIMS = SpecRef.rfc(7523, "3");
    private static final SpecRef AUDIENCE = SpecRef.draft(Specs.RFC7523BIS, "4");
    private static final Set<String> KNOWN = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    public ClientAssertionClaims {
        Claims.requireText(iss, "iss");
        Claims.requireText(sub, "sub");
        aud = Claims.requireAudience(aud);
        Claims.requireDate(exp, "exp");
        Claims.requireDate(nbf, "nbf");
        Claims.requireDate(iat, "iat");
        Objects.requireNonNull(jti, "jti");
        extensions = Claims.extensions(extensions, KNOWN);
    }

    /** The claims a client signs to authenticate: {@code iss = sub = clientId}, {@code aud = issuer}. */
    public static ClientAssertionClaims of(String clientId, String issuer, Instant iat, Instant exp, String jti) {
        return new ClientAssertionClaims(clientId, clientId, List.of(issuer), exp.getEpochSecond(), Optional.empty(),
                Optional.of(iat.getEpochSecond()), Optional.of(jti), Map.of());
    }

    /**
     * Whether a JWT {@code typ} header value is {@code client-authentication+jwt}, with or without the
     * {@code application/} prefix, case-insensitively. Servers are NOT RECOMMENDED to reject an assertion without it.
     */
    public static boolean isClientAuthenticationTyp(String typ) {
        return JwtTyp.matches(typ, TYP);
    }

    /** Reads a claim set; every type error is reported, nothing is thrown. */
    public static Parsed<ClientAssertionClaims> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        String iss = JsonReads.requiredString(o, "iss", v, CLAIMS);
        String sub = JsonReads.requiredString(o, "sub", v, CLAIMS);
        List<String> aud = ClaimReads.stringOrArray(o, "aud", true, v, CLAIMS);
        Long exp = ClaimReads.requiredNumericDate(o, "exp", v, CLAIMS);
        Optional<Long> nbf = ClaimReads.numericDate(o, "nbf", v, CLAIMS);
        Optional<Long> iat = ClaimReads.numericDate(o, "iat", v, CLAIMS);
        Optional<String> jti = JsonReads.string(o, "jti", v, CLAIMS);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new ClientAssertionClaims(iss, sub, aud, exp, nbf, iat, jti, JsonReads.extensions(o, KNOWN)));
    }

    /** Reads a claim set from JSON text (strictly: duplicate members refused). */
    public static Parsed<ClientAssertionClaims> parse(String json) {
        return StrictJson.parseObject(json).flatMap(ClientAssertionClaims::parse);
    }

    /**
     * The client-authentication rules on {@code iss}, {@code sub} and {@code aud}, for a client authenticating as
     * {@code clientId} at the authorization server whose issuer identifier is {@code issuer}. Strings are compared
     * exactly (RFC 3986 §6.2.1, simple string comparison). Signature, lifetime and replay are for the caller.
     *
     * @return the rules broken; empty when none
     */
    public Violations checkFor(String clientId, String issuer) {
        Violations.Collector v = Violations.collector();
        if (!iss.equals(clientId)) {
            // RFC 7523 §3 item 1: for client authentication, iss MUST be the client_id
            v.add("/iss", "must be the client_id of the authenticating client", CLAIMS);
        }
        if (!sub.equals(clientId)) {
            // RFC 7523 §3 item 2: for client authentication, sub MUST be the client_id
            v.add("/sub", "must be the client_id of the authenticating client", CLAIMS);
        }
        if (!aud.equals(List.of(issuer))) {
            // 7523bis §4 (RFC 7523 §3 item 3b): aud MUST be the AS issuer identifier as its sole value; the token
            // endpoint URL MUST NOT be used
            v.add("/aud", "must be the authorization server's issuer identifier as its sole value", AUDIENCE);
        }
        return v.build();
    }

    /** The claim set as JSON. */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("iss", iss).add("sub", sub);
        ClaimReads.putStringOrArray(b, "aud", aud);
        b.add("exp", exp);
        JsonWrites.put(b, "nbf", nbf);
        JsonWrites.put(b, "iat", iat);
        JsonWrites.put(b, "jti", jti);
        JsonWrites.putAll(b, extensions);
        return b.build();
    }

    /** {@code exp} as an instant. */
    public Instant expiration() {
        return Instant.ofEpochSecond(exp);
    }
}
