package dev.lanyard.rs.token;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Fixtures: an authorization server's keys, and access tokens signed with them (or tampered). */
public final class TestTokens {

    public static final String ISSUER = "https://as.example.test";
    public static final String RESOURCE = "https://rs.example.test/api";
    public static final URI JWKS = URI.create("https://as.example.test/jwks");

    public final ECKey ec;
    public final RSAKey rsa;
    public final List<URI> fetched = new ArrayList<>();
    private volatile JWKSet published;

    public TestTokens() {
        try {
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        published = new JWKSet(List.<JWK>of(ec.toPublicJWK(), rsa.toPublicJWK()));
    }

    /** Replaces the published JWKS (key rotation). */
    public void publish(JWK... keys) {
        published = new JWKSet(List.of(keys));
    }

    /** The fetch function the validator uses: records every URL asked for. */
    public String fetch(URI uri) {
        fetched.add(uri);
        if (!uri.equals(JWKS)) {
            throw new IllegalStateException("unexpected fetch " + uri);
        }
        return published.toString(true);
    }

    /** Valid claims for the resource, issued now, expiring in five minutes. */
    public static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-alice").audience(RESOURCE)
                .claim("client_id", "pub1").claim("scope", "items:read").jwtID("jti-" + now.toEpochMilli())
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(300)));
    }

    /** An ES256 access token ({@code typ: at+jwt}) with the given claims. */
    public String es256(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID("ec-1").build(),
                claims, ec);
    }

    /** An RS256 access token with the given header customisation. */
    public String rs256(JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
        JWSHeader.Builder b = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID("rsa-1");
        header.accept(b);
        return sign(b.build(), claims, rsa);
    }

    /** Signs with any key. */
    public static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
        try {
            JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** base64url of a JSON text, for hand-built tokens. */
    public static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The claims as JSON text. */
    public static String json(JWTClaimsSet claims) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims.toJSONObject());
    }

    static Map<String, Object> map(JWTClaimsSet c) {
        return c.toJSONObject();
    }
}
