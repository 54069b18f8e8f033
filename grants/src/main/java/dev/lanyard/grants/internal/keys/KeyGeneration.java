package dev.lanyard.grants.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.lanyard.grants.keys.SigningAlgorithm;

/** Generates private signing JWKs: {@code kid} = the RFC 7638 thumbprint, {@code use=sig}, {@code alg} set. */
public final class KeyGeneration {

    private KeyGeneration() {
    }

    /** A new private JWK for {@code algorithm}. */
    public static JWK generate(SigningAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                        .keyIDFromThumbprint(true).generate();
                case RS256 -> new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                        .keyIDFromThumbprint(true).generate();
                case PS256 -> new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.PS256)
                        .keyIDFromThumbprint(true).generate();
                case EDDSA -> {
                    OctetKeyPair raw = JdkEd25519.generate();
                    yield new OctetKeyPair.Builder(raw).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA)
                            .keyIDFromThumbprint().build();
                }
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }
}
