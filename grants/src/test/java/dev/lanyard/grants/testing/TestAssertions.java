package dev.lanyard.grants.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Client assertions for tests: valid by default for a client and issuer, each part replaceable. */
public final class TestAssertions {

    private TestAssertions() {
    }

    /** Claims {@code iss = sub = clientId}, {@code aud = issuer}, {@code exp = now + 60 s}, a fresh {@code jti}. */
    public static JWTClaimsSet.Builder claims(String clientId, String issuer, Instant now) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A header for {@code alg} naming {@code key}'s {@code kid}. */
    public static JWSHeader.Builder header(JWSAlgorithm alg, JWK key) {
        return new JWSHeader.Builder(alg).keyID(key.getKeyID());
    }

    /** Signs {@code claims} with {@code key} under {@code header}. */
    public static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid RS256 assertion of {@code clientId} signed with {@link TestClients#PKJ_RSA}. */
    public static String rs256(String clientId, Instant now) {
        return sign(header(JWSAlgorithm.RS256, TestClients.PKJ_RSA).build(),
                claims(clientId, TestClients.ISS, now).build(), TestClients.PKJ_RSA);
    }

    /** The audience as a list. */
    public static List<String> aud(String... values) {
        return List.of(values);
    }
}
