package dev.lanyard.rs.token;

import static dev.lanyard.rs.token.TestTokens.RESOURCE;
import static dev.lanyard.rs.token.TestTokens.b64;
import static dev.lanyard.rs.token.TestTokens.claims;
import static dev.lanyard.rs.token.TestTokens.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/**
 * More of the JA category (RFC 9068 §4 validation at the resource server, RFC 8725): the claims a token must carry,
 * the header rules, signature encodings, and keys bound to one algorithm and one issuer.
 */
class AccessTokenValidatorAttacksTest {

    private static final String OTHER_ISSUER = "https://as2.example.test";
    private static final URI OTHER_JWKS = URI.create("https://as2.example.test/jwks");

    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final TestTokens as = new TestTokens();
    private final TestTokens other = new TestTokens();
    private final AccessTokenValidator validator = AccessTokenValidator.create(
            ResourceServerSettings.of(RESOURCE, List.of(TestTokens.ISSUER, OTHER_ISSUER)),
            issuer -> issuer.equals(OTHER_ISSUER) ? OTHER_JWKS : TestTokens.JWKS,
            uri -> uri.equals(OTHER_JWKS) ? other.fetch(TestTokens.JWKS) : as.fetch(uri), clock);

    private void assertInvalidToken(String token) {
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue();
            assertThat(e.error().httpStatus()).isEqualTo(401);
        });
    }

    /** A token with this header and claim text, signed ES256 by the authorization server's key. */
    private String signedEs256(String headerJson, String claimsJson) throws Exception {
        String input = b64(headerJson) + "." + b64(claimsJson);
        return input + "." + Base64URL.encode(com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToConcat(
                der(input), 64));
    }

    private byte[] der(String signingInput) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(as.ec.toECPrivateKey());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return s.sign();
    }

    @Test
    void validateWhenNbfInTheFutureBeyondLeewayThenInvalidTokenAndWithinLeewayAccepted() {
        // RFC 9068 §4 with RFC 7519 §4.1.5: nbf in the future beyond the 60 s leeway is refused
        assertInvalidToken(as.es256(claims(start).notBeforeTime(Date.from(start.plusSeconds(61))).build()));
        assertThat(validator.validate(as.es256(claims(start).jwtID("nbf-59")
                .notBeforeTime(Date.from(start.plusSeconds(59))).build()))).isNotNull();
    }

    @Test
    void validateWhenIatFarInTheFutureThenInvalidToken() {
        // checklist JA RS validation 7: an iat far in the future is refused (beyond the leeway)
        assertInvalidToken(as.es256(claims(start).issueTime(Date.from(start.plusSeconds(61))).build()));
        assertInvalidToken(as.es256(claims(start).issueTime(Date.from(start.plusSeconds(86_400 * 365))).build()));
    }

    @Test
    void validateWhenIssuerMissingOrSpelledDifferentlyThenInvalidToken() {
        // RFC 9068 §4: iss MUST exactly match a trusted issuer; CVE-2026-22748 (issuer checked by default)
        assertInvalidToken(as.es256(claims(start).issuer(null).build()));
        assertInvalidToken(as.es256(claims(start).issuer("HTTPS://as.example.test").build()));
        assertInvalidToken(as.es256(claims(start).issuer("https://as.example.test:443").build()));
        assertInvalidToken(as.es256(claims(start).claim("iss", List.of(TestTokens.ISSUER)).build()));
    }

    @Test
    void validateWhenRequiredClaimMissingThenInvalidToken() {
        // RFC 9068 §2.2: sub, client_id, iat, jti are REQUIRED
        assertInvalidToken(as.es256(claims(start).subject(null).build()));
        assertInvalidToken(as.es256(claims(start).claim("client_id", null).build()));
        assertInvalidToken(as.es256(claims(start).issueTime(null).build()));
        assertInvalidToken(as.es256(claims(start).jwtID(null).build()));
    }

    @Test
    void validateWhenScopeIsAnArrayThenInvalidToken() {
        // RFC 9068 §2.2.3: scope is a space-separated string (RFC 8693 §4.2), never an array
        assertInvalidToken(as.es256(claims(start).claim("scope", List.of("items:read")).build()));
        assertInvalidToken(as.es256(claims(start).claim("scope", "items:read  items:write").build()));
    }

    @Test
    void validateWhenTypInAnyCaseThenMediaTypeComparedCaseInsensitively() {
        // RFC 9068 §4 with RFC 8725 §3.11: at+jwt or application/at+jwt, case-insensitively; no parameters
        JWTClaimsSet c = claims(start).build();
        assertThat(validator.validate(as.rs256(c, h -> h.type(new JOSEObjectType("AT+JWT"))))).isNotNull();
        assertThat(validator.validate(as.rs256(claims(start).jwtID("a").build(),
                h -> h.type(new JOSEObjectType("Application/AT+JWT"))))).isNotNull();
        assertInvalidToken(as.rs256(c, h -> h.type(new JOSEObjectType("at+jwt; charset=utf-8"))));
        assertInvalidToken(as.rs256(c, h -> h.type(new JOSEObjectType("jwt+at"))));
        assertInvalidToken(as.rs256(c, h -> h.type(new JOSEObjectType("dpop+jwt"))));
    }

    @Test
    void validateWhenCritHeaderThenInvalidToken() throws Exception {
        // RFC 7515 §4.1.11: a critical extension the recipient does not understand makes the JWS invalid
        String claimsJson = json(claims(start).build());
        assertInvalidToken(signedEs256("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\","
                + "\"crit\":[\"x-policy\"],\"x-policy\":1}", claimsJson));
        assertInvalidToken(signedEs256("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\",\"crit\":[]}",
                claimsJson));
        assertThat(validator.validate(signedEs256("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\"}",
                claimsJson))).as("control").isNotNull();
    }

    @Test
    void validateWhenEs256SignatureIsDerEncodedOrZeroThenInvalidToken() throws Exception {
        // RFC 7518 §3.4: an ES256 signature is R || S, 64 octets; DER is refused. CVE-2022-21449: r = s = 0 refused
        String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\"}";
        String claimsJson = json(claims(start).build());
        String good = signedEs256(header, claimsJson);
        assertThat(validator.validate(good)).as("control, R || S").isNotNull();
        String input = good.substring(0, good.lastIndexOf('.'));
        assertInvalidToken(input + "." + Base64URL.encode(der(input)));
        assertInvalidToken(input + "." + Base64URL.encode(new byte[64]));
        assertInvalidToken(input + "." + Base64URL.encode(new byte[8]));
    }

    @Test
    void validateWhenJweThenInvalidTokenQuickly() {
        // RFC 9068 §4 item 3 / CVE-2023-52428: JWE is refused outright, PBES2 with a huge p2c included
        String claimsSegment = b64(json(claims(start).build()));
        for (String header : List.of("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"typ\":\"at+jwt\"}",
                "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A128GCM\",\"p2c\":2147483647,\"p2s\":\"AAAAAAAAAAA\"}",
                "{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"cty\":\"JWT\"}")) {
            long t0 = System.nanoTime();
            assertInvalidToken(b64(header) + ".AAAA.AAAAAAAAAAAAAAAA." + claimsSegment + ".AAAAAAAAAAAAAAAAAAAAAA");
            assertThat(System.nanoTime() - t0).as("refused without key derivation").isLessThan(2_000_000_000L);
        }
    }

    @Test
    void validateWhenKidNamesAKeyOfAnotherTypeOrAlgThenInvalidToken() throws Exception {
        // RFC 8725 §3.1: a key is used with one algorithm: the header alg must fit the key's type and its alg
        RSAKey rsaWithAlg = new RSAKey.Builder(as.rsa).algorithm(JWSAlgorithm.RS256).build();
        as.publish(as.ec.toPublicJWK(), rsaWithAlg.toPublicJWK());
        // ES256 header naming the RSA key: no EC key with that kid
        String confused = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("rsa-1").build(), claims(start).build(), as.ec);
        assertInvalidToken(confused);
        // PS256 with the RSA key the JWKS binds to RS256 (PS256 is on the default allow-list)
        assertInvalidToken(TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.PS256)
                .type(new JOSEObjectType("at+jwt")).keyID("rsa-1").build(), claims(start).build(), as.rsa));
        assertThat(validator.validate(as.rs256(claims(start).jwtID("rs").build(), h -> { }))).as("control")
                .isNotNull();
        // RS384 is not on the allow-list at all
        assertInvalidToken(TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS384)
                .type(new JOSEObjectType("at+jwt")).keyID("rsa-1").build(), claims(start).build(), as.rsa));
    }

    @Test
    void validateWhenTokenNamesOneTrustedIssuerButIsSignedByAnotherThenInvalidToken() {
        // RFC 9068 §4: the key comes from the JWKS of the issuer the token names, never from another trusted one
        String crossed = as.es256(claims(start).issuer(OTHER_ISSUER).build());
        assertInvalidToken(crossed);
        assertThat(validator.validate(other.es256(claims(start).issuer(OTHER_ISSUER).build())).issuer())
                .isEqualTo(OTHER_ISSUER);
    }

    @Test
    void validateWhenClaimsNestDeeplyOrRepeatAMemberThenInvalidToken() throws Exception {
        // CVE-2025-53864: deep nesting gives 401, never a StackOverflowError; INP-04: duplicate members refused
        String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\"}";
        String base = json(claims(start).build());
        String deep = base.substring(0, base.length() - 1) + ",\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        assertInvalidToken(signedEs256(header, deep));
        String duplicateAud = "{\"aud\":\"https://rs2.example.test\"," + base.substring(1);
        assertInvalidToken(signedEs256(header, duplicateAud));
        String duplicateAudLast = base.substring(0, base.length() - 1) + ",\"aud\":\"https://rs2.example.test\"}";
        assertInvalidToken(signedEs256(header, duplicateAudLast));
    }

}
