package dev.lanyard.grants.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import dev.lanyard.grants.internal.keys.JdkEd25519;

/**
 * A client's (or a trusted IdP's) public keys, and which of them may verify a client assertion (or an ID-JAG): only keys the client registered
 * ({@code jwks} or {@code jwks_uri}), never one named by the JWS header ({@code jwk}, {@code jku}, {@code x5u},
 * {@code x5c}: RFC 8725 §3.10), with an algorithm on the allow-list that fits the key (no HMAC, no {@code none}).
 */
public final class ClientKeys {

    /** Asymmetric algorithms accepted for client assertions. */
    public static final Set<JWSAlgorithm> ASSERTION_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /**
     * Algorithms accepted for ID-JAGs: those of client assertions and EdDSA with Ed25519, which an IdP (Lanyard's
     * too) may sign with.
     */
    public static final Set<JWSAlgorithm> ID_JAG_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);
    /** The smallest RSA modulus accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** The most candidate keys tried for one assertion without a {@code kid}. */
    public static final int MAX_CANDIDATES = 8;

    private ClientKeys() {
    }

    /**
     * Checks a JWK set registered for a client: parseable, public keys only, no symmetric keys.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static JWKSet requirePublicJwks(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("jwks is not a JWK set", e);
        }
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                // RFC 7591 §2: jwks holds the client's public keys
                throw new IllegalArgumentException("jwks must not contain private or symmetric keys");
            }
        }
        return set;
    }

    /**
     * Checks a {@code token_endpoint_auth_signing_alg}: on the allow-list.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static void requireAssertionAlgorithm(String alg) {
        if (!ASSERTION_ALGORITHMS.contains(JWSAlgorithm.parse(alg))) {
            throw new IllegalArgumentException("token_endpoint_auth_signing_alg must be one of "
                    + ASSERTION_ALGORITHMS);
        }
    }

    /**
     * The keys of {@code set} that may verify a JWS with {@code header}: matching {@code kid} when the header has
     * one, of the key type and curve its algorithm needs, for signatures, at most {@link #MAX_CANDIDATES}.
     */
    public static List<JWK> candidates(JWKSet set, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        Optional<String> kid = Optional.ofNullable(header.getKeyID());
        List<JWK> out = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (out.size() == MAX_CANDIDATES) {
                break;
            }
            boolean kidOk = kid.isEmpty() || kid.get().equals(key.getKeyID());
            boolean useOk = key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse());
            boolean algOk = key.getAlgorithm() == null || alg.equals(key.getAlgorithm());
            if (kidOk && useOk && algOk && fits(key, alg)) {
                out.add(key);
            }
        }
        return out;
    }

    /** Whether {@code key} is of the type (and curve, and size) {@code alg} needs. */
    public static boolean fits(JWK key, JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS;
        }
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            return key instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
        }
        if (JWSAlgorithm.EdDSA.equals(alg)) {
            return key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve());
        }
        return false;
    }

    /** A verifier for {@code key}, which {@link #candidates} returned. */
    public static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (key instanceof OctetKeyPair okp) {
            return new JdkEd25519(okp.toPublicJWK());
        }
        throw new JOSEException("unsupported key type");
    }
}
