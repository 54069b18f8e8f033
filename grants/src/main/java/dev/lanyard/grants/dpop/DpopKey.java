package dev.lanyard.grants.dpop;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.lanyard.grants.internal.Digests;

/**
 * A client's DPoP key pair, which signs proofs (RFC 9449 §4.2): header {@code typ dpop+jwt}, {@code alg}, and the
 * public {@code jwk}; claims {@code jti} (random), {@code htm}, {@code htu} (without query and fragment) and
 * {@code iat}. Thread-safe. The private key is never shown.
 */
public final class DpopKey {

    private final JWK key;
    private final JWSAlgorithm alg;
    private final JWSSigner signer;
    private final Clock clock;

    private DpopKey(JWK key, JWSAlgorithm alg, JWSSigner signer, Clock clock) {
        this.key = key;
        this.alg = alg;
        this.signer = signer;
        this.clock = clock;
    }

    /** A new P-256 key (ES256), the common choice. */
    public static DpopKey generate(Clock clock) {
        try {
            return of(new ECKeyGenerator(Curve.P_256).generate(), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /**
     * A key from a private JWK (JSON): EC P-256, P-384 or P-521 (ES256, ES384, ES512), or RSA of 2048 bits or more
     * (PS256).
     *
     * @throws IllegalArgumentException for a public or another kind of key
     */
    public static DpopKey of(String privateJwk, Clock clock) {
        try {
            return of(JWK.parse(privateJwk), clock);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK");
        }
    }

    private static DpopKey of(JWK privateKey, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        try {
            if (privateKey instanceof ECKey ec && ec.isPrivate()) {
                JWSAlgorithm alg = Curve.P_256.equals(ec.getCurve()) ? JWSAlgorithm.ES256
                        : Curve.P_384.equals(ec.getCurve()) ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
                return new DpopKey(ec, alg, new ECDSASigner(ec), clock);
            }
            if (privateKey instanceof RSAKey rsa && rsa.isPrivate() && rsa.size() >= 2048) {
                return new DpopKey(rsa, JWSAlgorithm.PS256, new RSASSASigner(rsa), clock);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable DPoP key", e);
        }
        throw new IllegalArgumentException("a DPoP key is a private EC or RSA (2048 bits or more) JWK");
    }

    /** The public key as a JWK (JSON), as the proofs' {@code jwk} header carries it. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    /** The JWK SHA-256 thumbprint of the key (RFC 7638): the {@code cnf.jkt} a bound token carries. */
    public String thumbprint() {
        return DpopProofVerifier.thumbprint(key);
    }

    /**
     * A new proof for a request.
     *
     * @param htm the request's method
     * @param htu the request's target URI; its query and fragment are dropped (RFC 9449 §4.2)
     */
    public String proof(String htm, URI htu) {
        URI target = URI.create(htu.getScheme() + "://" + htu.getRawAuthority()
                + (htu.getRawPath() == null ? "" : htu.getRawPath()));
        JWSHeader header = new JWSHeader.Builder(alg).type(new JOSEObjectType(DpopProofVerifier.TYP))
                .jwk(key.toPublicJWK()).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(Digests.randomId()).claim("htm", htm)
                .claim("htu", target.toString()).issueTime(Date.from(clock.instant())).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        }
        return jwt.serialize();
    }

    @Override
    public String toString() {
        return "DpopKey[" + alg + ", jkt=" + thumbprint() + "]";
    }
}
