package dev.lanyard.spec.claims;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
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

/**
 * The claims of an OpenID Connect ID Token (OpenID Connect Core 1.0 §2), minimal: what the IdP role issues and what
 * an ID-JAG token exchange reads from its subject token. Other claims ({@code email}, {@code name}, ...) are kept in
 * {@link #extensions()}.
 *
 * <p>{@code aud} is written as a string when it has one value, as an array otherwise.
 *
 * @param iss        {@code iss}, REQUIRED: the issuer identifier
 * @param sub        {@code sub}, REQUIRED: the subject identifier
 * @param aud        {@code aud}, REQUIRED: the relying parties' client identifiers; never empty
 * @param exp        {@code exp}, REQUIRED
 * @param iat        {@code iat}, REQUIRED
 * @param authTime   {@code auth_time}, OPTIONAL (REQUIRED when {@code max_age} was requested)
 * @param nonce      {@code nonce}, OPTIONAL (REQUIRED when the request had one)
 * @param acr        {@code acr}, OPTIONAL
 * @param amr        {@code amr}, OPTIONAL
 * @param azp        {@code azp}, OPTIONAL: the authorized party
 * @param extensions every other claim, in document order
 */
public record IdTokenClaims(String iss, String sub, List<String> aud, long exp, long iat, Optional<Long> authTime,
        Optional<String> nonce, Optional<String> acr, List<String> amr, Optional<String> azp,
        Map<String, JsonValue> extensions) {

    private static final SpecRef CLAIMS = new SpecRef("OpenID Connect Core 1.0", "2",
            URI.create("https://openid.net/specs/openid-connect-core-1_0.html#IDToken"));
    private static final Set<String> KNOWN = Set.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr",
            "amr", "azp");

    public IdTokenClaims {
        Claims.requireText(iss, "iss");
        Claims.requireText(sub, "sub");
        aud = Claims.requireAudience(aud);
        Claims.requireDate(exp, "exp");
        Claims.requireDate(iat, "iat");
        Claims.requireDate(authTime, "auth_time");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
        Objects.requireNonNull(azp, "azp");
        extensions = Claims.extensions(extensions, KNOWN);
    }

    /** Reads a claim set; every type error is reported, nothing is thrown. */
    public static Parsed<IdTokenClaims> parse(JsonObject o) {
        Violations.Collector v = Violations.collector();
        String iss = JsonReads.requiredString(o, "iss", v, CLAIMS);
        String sub = JsonReads.requiredString(o, "sub", v, CLAIMS);
        List<String> aud = ClaimReads.stringOrArray(o, "aud", true, v, CLAIMS);
        Long exp = ClaimReads.requiredNumericDate(o, "exp", v, CLAIMS);
        Long iat = ClaimReads.requiredNumericDate(o, "iat", v, CLAIMS);
        Optional<Long> authTime = ClaimReads.numericDate(o, "auth_time", v, CLAIMS);
        Optional<String> nonce = JsonReads.string(o, "nonce", v, CLAIMS);
        Optional<String> acr = JsonReads.string(o, "acr", v, CLAIMS);
        List<String> amr = JsonReads.stringList(o, "amr", v, CLAIMS);
        Optional<String> azp = JsonReads.string(o, "azp", v, CLAIMS);
        if (!v.isEmpty()) {
            return v.invalid();
        }
        return Parsed.ok(new IdTokenClaims(iss, sub, aud, exp, iat, authTime, nonce, acr, amr, azp,
                JsonReads.extensions(o, KNOWN)));
    }

    /** Reads a claim set from JSON text (strictly: duplicate members refused). */
    public static Parsed<IdTokenClaims> parse(String json) {
        return StrictJson.parseObject(json).flatMap(IdTokenClaims::parse);
    }

    /** The claim set as JSON. */
    public JsonObject toJson() {
        JsonObjectBuilder b = JsonP.createObjectBuilder().add("iss", iss).add("sub", sub);
        ClaimReads.putStringOrArray(b, "aud", aud);
        b.add("exp", exp).add("iat", iat);
        JsonWrites.put(b, "auth_time", authTime);
        JsonWrites.put(b, "nonce", nonce);
        JsonWrites.put(b, "acr", acr);
        JsonWrites.putList(b, "amr", amr);
        JsonWrites.put(b, "azp", azp);
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
}
