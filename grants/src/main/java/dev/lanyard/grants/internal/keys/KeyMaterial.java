package dev.lanyard.grants.internal.keys;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import dev.lanyard.grants.keys.VerifiedJws;

/**
 * One signing key, ready to use: its signer and verifier built once, its protected headers encoded once per
 * {@code typ}. Signing writes the compact form directly: header, payload, signature.
 */
public final class KeyMaterial {

    private final JWK publicJwk;
    private final JWSAlgorithm alg;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Map<String, CachedHeader> headers = new ConcurrentHashMap<>();

    private record CachedHeader(JWSHeader header, String encoded) {
    }

    private KeyMaterial(JWK publicJwk, JWSAlgorithm alg, JWSSigner signer, JWSVerifier verifier) {
        this.publicJwk = publicJwk;
        this.alg = alg;
        this.signer = signer;
        this.verifier = verifier;
    }

    /**
     * The material of a private JWK with a {@code kid}; the algorithm is the JWK's {@code alg}, or the usual one for
     * its type (EC P-256: ES256, RSA: RS256, OKP Ed25519: EdDSA).
     *
     * @throws IllegalArgumentException when the key is public only, has no {@code kid}, or is of an unsupported type
     */
    public static KeyMaterial of(JWK jwk) {
        if (!jwk.isPrivate() || jwk.getKeyID() == null) {
            throw new IllegalArgumentException("a signing key is a private JWK with a kid");
        }
        try {
            if (jwk instanceof ECKey ec) {
                JWSAlgorithm alg = algorithm(jwk, JWSAlgorithm.ES256);
                if (!Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
                    throw new IllegalArgumentException("alg does not fit the EC curve");
                }
                return new KeyMaterial(ec.toPublicJWK(), alg, new ECDSASigner(ec), new ECDSAVerifier(ec.toPublicJWK()));
            }
            if (jwk instanceof RSAKey rsa) {
                JWSAlgorithm alg = algorithm(jwk, JWSAlgorithm.RS256);
                if (!JWSAlgorithm.Family.RSA.contains(alg) || rsa.size() < 2048) {
                    throw new IllegalArgumentException("RSA keys sign with RS* or PS* and have 2048 bits or more");
                }
                return new KeyMaterial(rsa.toPublicJWK(), alg, new RSASSASigner(rsa),
                        new RSASSAVerifier(rsa.toPublicJWK()));
            }
            if (jwk instanceof OctetKeyPair okp) {
                JdkEd25519 ed = new JdkEd25519(okp);
                return new KeyMaterial(okp.toPublicJWK(), JWSAlgorithm.EdDSA, ed, ed);
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key", e);
        }
        throw new IllegalArgumentException("unsupported key type " + jwk.getKeyType());
    }

    private static JWSAlgorithm algorithm(JWK jwk, JWSAlgorithm fallback) {
        return jwk.getAlgorithm() == null ? fallback : JWSAlgorithm.parse(jwk.getAlgorithm().getName());
    }

    /** The key id. */
    public String kid() {
        return publicJwk.getKeyID();
    }

    /** The public JWK, as published. */
    public JWK publicJwk() {
        return publicJwk;
    }

    /** The algorithm it signs with. */
    public JWSAlgorithm alg() {
        return alg;
    }

    /** Signs {@code payloadJson} with a header {@code alg}, {@code kid}, {@code typ}: the compact JWS. */
    public String sign(String typ, String payloadJson) {
        CachedHeader h = headers.computeIfAbsent(typ, t -> {
            JWSHeader header = new JWSHeader.Builder(alg).keyID(kid()).type(new JOSEObjectType(t)).build();
            return new CachedHeader(header, header.toBase64URL().toString());
        });
        String signingInput = h.encoded() + '.' + Base64URL.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Base64URL signature = signer.sign(h.header(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + '.' + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The verified content of {@code jws}, when this key signed it with its own algorithm. */
    public Optional<VerifiedJws> verify(JWSObject jws) {
        JWSHeader header = jws.getHeader();
        if (!alg.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
            return Optional.empty();
        }
        try {
            if (!verifier.verify(header, jws.getSigningInput(), jws.getSignature())) {
                return Optional.empty();
            }
        } catch (JOSEException e) {
            return Optional.empty();
        }
        Optional<String> typ = Optional.ofNullable(header.getType()).map(JOSEObjectType::getType);
        return Optional.of(new VerifiedJws(kid(), typ, jws.getPayload().toString()));
    }
}
