package dev.lanyard.grants.internal.idjag;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.TrustedIdentityProviders;
import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.grants.internal.auth.AssertionVerifier;
import dev.lanyard.grants.internal.auth.RemoteJwks;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.jws.JwsChecks;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;

/**
 * Verifies an ID-JAG presented to this resource authorization server ({@value dev.lanyard.spec.ref.Specs#ID_JAG}
 * §4.4.1, with RFC 7521 §5.2 and RFC 7523 §3). Every failure is {@code invalid_grant}, whose description names the
 * rule broken and never echoes the token.
 *
 * <p>In order: a JWS with an allow-listed asymmetric {@code alg} and no {@code crit} ({@link JwsChecks}); {@code typ}
 * {@code oauth-id-jag+jwt} (§3.1, RFC 8725 §3.11); well-typed claims with {@code iss}, {@code sub}, {@code aud}
 * (a string or an array of exactly one), {@code client_id}, {@code jti}, {@code exp}, {@code iat}; {@code iss} not
 * this server (§8.3) and trusted; the signature verifies with a key of that issuer's JWK set, chosen by {@code kid}
 * (refetched at most once per cooldown); {@code aud} is this issuer (§4.4.1); {@code client_id} is the authenticated
 * client; {@code exp}, {@code nbf}, {@code iat} with skew and a bounded lifetime. Its {@code cnf} (§8.6) is the
 * grant handler's to compare with the DPoP proof. {@link #consume} then records the {@code jti} in the shared replay
 * guard.
 */
public final class IdJagVerifier {

    private final TrustedIdentityProviders trusted;
    private final RemoteJwks jwks;
    private final ReplayGuard replay;
    private final GrantSettings settings;
    private final IdJagSettings idJag;
    private final Clock clock;

    /**
     * @param trusted  the trusted IdPs
     * @param jwks     their JWK sets, cached
     * @param replay   the replay guard (shared by the nodes through the store)
     * @param settings this issuer and the clock skew
     * @param idJag    the longest accepted lifetime, one-time use
     * @param clock    the time source
     */
    public IdJagVerifier(TrustedIdentityProviders trusted, RemoteJwks jwks, ReplayGuard replay,
            GrantSettings settings, IdJagSettings idJag, Clock clock) {
        this.trusted = trusted;
        this.jwks = jwks;
        this.replay = replay;
        this.settings = settings;
        this.idJag = idJag;
        this.clock = clock;
    }

    /**
     * The claims of {@code assertion} when it is a valid ID-JAG for {@code clientId} at this server; its
     * {@code jti} is not consumed yet.
     *
     * @throws OAuthException {@code invalid_grant}
     */
    public IdJagClaims verify(String assertion, String clientId) {
        JWSObject jws = JwsChecks.parse(assertion, IdJagVerifier::reject);
        JwsChecks.requireSafeHeader(jws.getHeader(), ClientKeys.ID_JAG_ALGORITHMS, IdJagVerifier::reject);
        JOSEObjectType typ = jws.getHeader().getType();
        if (typ == null || !IdJagClaims.isIdJagTyp(typ.getType())) {
            // ID-JAG §4.4.1: validate the JWT typ is oauth-id-jag+jwt (RFC 8725 §3.11)
            throw reject("typ is not oauth-id-jag+jwt");
        }
        IdJagClaims claims = claims(jws);
        if (claims.iss().equals(settings.issuer())) {
            // ID-JAG §8.3: no access token for an ID-JAG this server issued itself
            throw reject("issued by this server");
        }
        if (!trusted.trusts(claims.iss())) {
            // RFC 7523 §3 item 1 / ID-JAG §4.1: the issuer must be one this server trusts
            throw reject("iss is not a trusted issuer");
        }
        URI uri = trusted.jwksUri(claims.iss()).orElseThrow(() -> reject("the issuer's keys are unavailable"));
        Optional<JWKSet> keys = jwks.get(uri, Optional.ofNullable(jws.getHeader().getKeyID()));
        JwsChecks.requireSignature(jws, keys, IdJagVerifier::reject);
        if (!claims.aud().equals(settings.issuer())) {
            // ID-JAG §4.4.1: aud MUST be this server's issuer identifier (audience injection)
            throw reject("aud is not this authorization server");
        }
        if (!claims.clientId().equals(clientId)) {
            // ID-JAG §4.4.1: client_id MUST identify the authenticated client
            throw reject("client_id is not the authenticated client");
        }
        JwsChecks.requireTimes(claims.expiration(), claims.nbf(), Optional.of(claims.iat()), clock.instant(),
                settings.clockSkew(), idJag.maxAssertionLifetime(), IdJagVerifier::reject);
        if (claims.jti().length() > AssertionVerifier.MAX_JTI_LENGTH) {
            throw reject("jti too long");
        }
        return claims;
    }

    /**
     * Records the {@code jti} of verified {@code claims} until their {@code exp}, when ID-JAGs are one-time.
     *
     * @throws OAuthException {@code invalid_grant} when it was used before (RFC 7523 §3 item 7)
     */
    public void consume(IdJagClaims claims) {
        if (idJag.oneTimeUse() && !replay.firstUse("id-jag\n" + claims.iss() + "\n" + claims.jti(),
                claims.expiration().plus(settings.clockSkew()))) {
            throw reject("jti already used");
        }
    }

    private static IdJagClaims claims(JWSObject jws) {
        Parsed<IdJagClaims> parsed = IdJagClaims.parse(jws.getPayload().toString());
        if (parsed instanceof Parsed.Invalid<IdJagClaims> invalid) {
            // ID-JAG §3.1: iss, sub, aud, client_id, jti, exp, iat REQUIRED; aud a string or an array of one
            throw reject("claims missing or malformed at " + invalid.violations().items().stream()
                    .map(Violation::pointer).map(IdJagVerifier::safePointer).distinct().limit(5)
                    .collect(Collectors.joining(" ")));
        }
        return parsed.orElseThrow();
    }

    // pointers name claims of the draft, or "" for a payload that is not a JSON object
    private static String safePointer(String pointer) {
        return pointer.isEmpty() ? "/" : pointer.replaceAll("[^a-z_/0-9]", "?");
    }

    private static OAuthException reject(String reason) {
        return GrantErrors.invalidGrant("Invalid ID-JAG: " + reason, IdJagRules.GRANT_PROCESSING);
    }
}
