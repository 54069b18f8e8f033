package dev.lanyard.grants.internal.jws;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import dev.lanyard.grants.internal.ClientKeys;
import dev.lanyard.spec.error.OAuthException;

/**
 * The strict checks of a JWS received from outside, shared by client assertions ({@code invalid_client}) and ID-JAGs
 * ({@code invalid_grant}): each check throws what its caller's {@link Failure} makes of a fixed reason, which never
 * echoes the input.
 *
 * <ul>
 *   <li>a compact JWS: an unsecured JWT ({@code alg: none}, in any case) is not one (RFC 7523 §3 item 9,
 *       RFC 8725 §3.1);</li>
 *   <li>an asymmetric algorithm of the caller's allow-list ({@link ClientKeys#ASSERTION_ALGORITHMS},
 *       {@link ClientKeys#ID_JAG_ALGORITHMS}): no {@code none}, no HMAC (RFC 8725 §3.1, §3.2);</li>
 *   <li>no {@code crit} header (RFC 7515 §4.1.11: a recipient that does not understand it MUST reject);</li>
 *   <li>the signature verifies with a key of the sender's registered set, chosen by {@code kid} and algorithm, never
 *       a key named by the header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}: RFC 8725 §3.10);</li>
 *   <li>{@code exp} not passed and not too far ahead, {@code nbf} and {@code iat} not in the future, with skew
 *       (RFC 7523 §3 items 4 to 6).</li>
 * </ul>
 */
public final class JwsChecks {

    /** Turns a fixed reason into the exception the caller's protocol requires. */
    @FunctionalInterface
    public interface Failure {

        /** The exception to throw for {@code reason}. */
        OAuthException reject(String reason);
    }

    private JwsChecks() {
    }

    /** The JWS in {@code compact}; an unsecured or malformed JWT is rejected. */
    public static JWSObject parse(String compact, Failure fail) {
        try {
            return JWSObject.parse(compact);
        } catch (ParseException e) {
            // includes alg "none": not a JWS (RFC 7523 §3 item 9: the JWT MUST be signed)
            throw fail.reject("not a signed JWT");
        }
    }

    /** Requires an asymmetric {@code alg} of {@code allowed} and no {@code crit}. */
    public static void requireSafeHeader(JWSHeader header, Set<JWSAlgorithm> allowed, Failure fail) {
        if (!allowed.contains(header.getAlgorithm())) {
            // RFC 8725 §3.1, §3.2: algorithms are allow-listed; never none, never HMAC with a public key
            throw fail.reject("alg not allowed");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            // RFC 7515 §4.1.11: a recipient that does not understand a crit extension MUST reject the JWS
            throw fail.reject("unsupported crit header");
        }
    }

    /** Requires a signature by one of {@code keys} (the sender's registered or published set). */
    public static void requireSignature(JWSObject jws, Optional<JWKSet> keys, Failure fail) {
        List<JWK> candidates = keys.map(k -> ClientKeys.candidates(k, jws.getHeader())).orElse(List.of());
        for (JWK key : candidates) {
            try {
                if (jws.verify(ClientKeys.verifier(key))) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // try the next candidate
            }
        }
        // RFC 7523 §3 item 9; RFC 8725 §3.10: only keys of the sender's own set, never one the header names
        throw fail.reject("no key of the sender verifies the signature");
    }

    /**
     * Requires {@code exp} not passed and at most {@code maxLifetime} ahead, {@code nbf} and {@code iat} (seconds)
     * not in the future, each with {@code skew}.
     */
    public static void requireTimes(Instant exp, Optional<Long> nbf, Optional<Long> iat, Instant now, Duration skew,
            Duration maxLifetime, Failure fail) {
        if (!now.isBefore(exp.plus(skew))) {
            // RFC 7523 §3 item 4: MUST reject a JWT whose exp has passed (with a reasonable skew)
            throw fail.reject("expired");
        }
        if (exp.isAfter(now.plus(maxLifetime).plus(skew))) {
            // RFC 7523 §3 item 4: MAY reject an exp unreasonably far in the future; it bounds the replay guard
            throw fail.reject("exp too far in the future");
        }
        Instant latest = now.plus(skew);
        if (nbf.map(Instant::ofEpochSecond).filter(latest::isBefore).isPresent()) {
            // RFC 7523 §3 item 5: MUST reject a JWT before its nbf
            throw fail.reject("not yet valid (nbf)");
        }
        if (iat.map(Instant::ofEpochSecond).filter(latest::isBefore).isPresent()) {
            // RFC 7523 §3 item 6: iat in the future
            throw fail.reject("issued in the future (iat)");
        }
    }
}
