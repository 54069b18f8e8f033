package dev.lanyard.rs.token;

import static dev.lanyard.rs.token.TestTokens.RESOURCE;
import static dev.lanyard.rs.token.TestTokens.b64;
import static dev.lanyard.rs.token.TestTokens.claims;
import static dev.lanyard.rs.token.TestTokens.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.rs.ScopeHierarchy;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class AccessTokenValidatorTest {

    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final TestTokens as = new TestTokens();
    private final AccessTokenValidator validator = AccessTokenValidator.create(
            ResourceServerSettings.of(RESOURCE, List.of(TestTokens.ISSUER)), issuer -> TestTokens.JWKS, as::fetch,
            clock);

    private void assertInvalidToken(String token) {
        assertThatThrownBy(() -> validator.validate(token))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue();
                    assertThat(e.error().httpStatus()).isEqualTo(401);
                    if (token.length() > 8) {
                        assertThat(e.error().description().orElseThrow()).doesNotContain(token);
                    }
                });
    }

    @Test
    void validateWhenEs256AccessTokenForThisResourceThenCaller() {
        AccessTokenPrincipal caller = validator.validate(as.es256(claims(start).build()));
        assertThat(caller.subject()).isEqualTo("u-alice");
        assertThat(caller.clientId()).isEqualTo("pub1");
        assertThat(caller.scope()).isEqualTo(Scope.of("items:read"));
        assertThat(caller.audience()).containsExactly(RESOURCE);
    }

    @Test
    void validateWhenRs256ThenCaller() {
        assertThat(validator.validate(as.rs256(claims(start).build(), h -> { })).subject()).isEqualTo("u-alice");
    }

    @Test
    void validateWhenRefreshTokenPresentedThenInvalidToken() {
        // an opaque refresh token is not an access token
        assertInvalidToken("8xLOxBtZp8");
        assertInvalidToken("Zm9vYmFy.opaque.refresh-token-value-that-is-long");
    }

    @Test
    void validateWhenHeaderCarriesAttackerKeyThenInvalidTokenAndNoFetch() {
        // jwk / jku / x5u / x5c in the header are never used to find the key
        ECKey attacker = attackerKey();
        JWTClaimsSet c = claims(start).build();
        String withJwk = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .jwk(attacker.toPublicJWK()).build(), c, attacker);
        String withJku = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("ec-1").jwkURL(URI.create("https://evil.test/jwks")).build(), c, attacker);
        String withX5u = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("attacker").x509CertURL(URI.create("https://evil.test/cert")).build(), c, attacker);
        for (String t : List.of(withJwk, withJku, withX5u)) {
            assertInvalidToken(t);
        }
        assertThat(as.fetched).allMatch(u -> u.equals(TestTokens.JWKS));
    }

    @Test
    void validateWhenTypIsNotAccessTokenThenInvalidToken() {
        // A-054 (a) ID token typ JWT, (b) no typ, (c) logout+jwt; (d) application/at+jwt passes
        JWTClaimsSet c = claims(start).build();
        assertInvalidToken(as.rs256(c, h -> h.type(JOSEObjectType.JWT)));
        assertInvalidToken(as.rs256(c, h -> h.type(null)));
        assertInvalidToken(as.rs256(c, h -> h.type(new JOSEObjectType("logout+jwt"))));
        assertThat(validator.validate(as.rs256(c, h -> h.type(new JOSEObjectType("application/at+jwt"))))).isNotNull();
    }

    @Test
    void validateWhenAlgNoneThenInvalidToken() {
        // alg none in any case, empty signature
        String payload = b64(json(claims(start).build()));
        for (String alg : List.of("none", "None", "nOnE")) {
            assertInvalidToken(b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}") + "." + payload + ".");
            assertInvalidToken(b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}") + "." + payload + ".c2ln");
        }
    }

    @Test
    void validateWhenHmacWithThePublicKeyThenInvalidToken() throws Exception {
        // RFC 8725 §2.1 algorithm confusion: HS256 keyed with the RSA public key is never accepted
        JWTClaimsSet c = claims(start).build();
        var mac = new com.nimbusds.jose.crypto.MACSigner(as.rsa.toPublicJWK().toRSAPublicKey().getEncoded());
        var jwt = new com.nimbusds.jwt.SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("at+jwt")).keyID("rsa-1").build(), c);
        jwt.sign(mac);
        assertInvalidToken(jwt.serialize());
    }

    @Test
    void validateWhenStructureIsNotStrictCompactJwsThenInvalidToken() {
        //
        String good = as.es256(claims(start).build());
        String[] p = good.split("\\.");
        assertInvalidToken(p[0] + "." + p[1] + ".");
        assertInvalidToken(p[0] + "." + p[1]);
        assertInvalidToken(good + ".x");
        assertInvalidToken(p[0] + "=." + p[1] + "." + p[2]);
        assertInvalidToken(p[0] + "." + p[1] + "." + p[2].replace('-', '+').replace('_', '/') + "+/");
        assertInvalidToken(p[0] + "." + p[1].substring(0, 10) + "\n" + p[1].substring(10) + "." + p[2]);
        assertInvalidToken("");
    }

    @Test
    void validateWhenAudienceIsNotThisResourceThenInvalidToken() {
        // missing, another resource, trailing slash; control: an array that contains this resource
        assertInvalidToken(as.es256(claims(start).audience((String) null).build()));
        assertInvalidToken(as.es256(claims(start).audience("https://rs2.example.test").build()));
        assertInvalidToken(as.es256(claims(start).audience(List.of("https://rs2.example.test")).build()));
        assertInvalidToken(as.es256(claims(start).audience(RESOURCE + "/").build()));
        assertThat(validator.validate(as.es256(claims(start)
                .audience(List.of("https://rs2.example.test", RESOURCE)).build()))).isNotNull();
    }

    @Test
    void validateWhenExpiredOrExpMalformedThenInvalidToken() {
        // exp beyond the 60 s leeway, missing, a string, absurdly large
        assertInvalidToken(as.es256(claims(start).expirationTime(Date.from(start.minusSeconds(61))).build()));
        assertInvalidToken(as.es256(claims(start).expirationTime(null).build()));
        assertInvalidToken(as.es256(claims(start).claim("exp", "9999999999").build()));
        String hand = b64("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"ec-1\"}") + "."
                + b64(json(claims(start).build()).replaceFirst("\"exp\":\\d+", "\"exp\":1e300")) + ".AAAA";
        assertInvalidToken(hand);
        assertThat(validator.validate(as.es256(claims(start).expirationTime(Date.from(start.minusSeconds(30)))
                .build()))).as("within leeway").isNotNull();
    }

    @Test
    void validateWhenNotYetValidOrIssuedInTheFutureThenInvalidToken() {
        assertInvalidToken(as.es256(claims(start).notBeforeTime(Date.from(start.plusSeconds(120))).build()));
        assertInvalidToken(as.es256(claims(start).issueTime(Date.from(start.plusSeconds(3600))).build()));
    }

    @Test
    void validateWhenIssuerUntrustedThenInvalidToken() {
        assertInvalidToken(as.es256(claims(start).issuer("https://evil.test").build()));
        assertInvalidToken(as.es256(claims(start).issuer(TestTokens.ISSUER + "/").build()));
    }

    @Test
    void validateWhenHugeTokenOrHugeKidThenInvalidTokenQuickly() {
        //
        assertInvalidToken("a".repeat(1024 * 1024));
        String bigKid = as.rs256(claims(start).build(), h -> h.keyID("k".repeat(64 * 1024)));
        assertInvalidToken(bigKid);
    }

    @Test
    void validateWhenRightKidButAttackerSignatureThenInvalidToken() {
        //
        ECKey attacker = attackerKey();
        String forged = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("ec-1").build(), claims(start).build(), attacker);
        assertInvalidToken(forged);
        String[] p = as.es256(claims(start).build()).split("\\.");
        String otherPayload = b64(json(claims(start).subject("u-mallory").build()));
        assertInvalidToken(p[0] + "." + otherPayload + "." + p[2]);
    }

    @Test
    void validateWhenTokensShareOrVaryTheHeaderThenEachIsCheckedInFull() {
        // a header read before (remembered by its exact segment) spares neither the claims nor the signature
        String[] p = as.es256(claims(start).build()).split("\\.");
        assertThat(validator.validate(p[0] + "." + p[1] + "." + p[2]).subject()).isEqualTo("u-alice");
        assertInvalidToken(p[0] + "." + b64(json(claims(start).subject("u-mallory").build())) + "." + p[2]);
        assertInvalidToken(p[0] + "." + b64(json(claims(start).audience("https://rs2.example.test").build())) + "."
                + p[2]);
        // more distinct headers than are remembered: every one is still read and checked
        for (int i = 0; i < 80; i++) {
            int n = i;
            String t = as.rs256(claims(start).jwtID("h" + i).build(), h -> h.customParam("n", n));
            assertThat(validator.validate(t).tokenId()).contains("h" + i);
        }
        // a refused header is refused every time
        String noTyp = as.rs256(claims(start).build(), h -> h.type(null));
        assertInvalidToken(noTyp);
        assertInvalidToken(noTyp);
    }

    @Test
    void validateWhenSegmentIsNoBase64UrlOfBytesThenInvalidToken() {
        // 4n+1 base64url characters encode no whole bytes; a character beyond ASCII is not base64url
        String[] p = as.es256(claims(start).build()).split("\\.");
        assertInvalidToken(fourNPlusOne(p[0]) + "." + p[1] + "." + p[2]);
        assertInvalidToken(p[0] + "." + fourNPlusOne(p[1]) + "." + p[2]);
        assertInvalidToken(p[0] + "." + p[1] + "." + fourNPlusOne(p[2]));
        assertInvalidToken(p[0] + "." + p[1].substring(0, 10) + "\u00e9" + p[1].substring(10) + "." + p[2]);
        assertInvalidToken(p[0] + "." + p[1] + "." + p[2].substring(0, 10) + "\u0100" + p[2].substring(11));
        assertThat(validator.validate(p[0] + "." + p[1] + "." + p[2])).as("control").isNotNull();
    }

    private static String fourNPlusOne(String segment) {
        StringBuilder b = new StringBuilder(segment);
        while (b.length() % 4 != 1) {
            b.append('A');
        }
        return b.toString();
    }

    @Test
    void validateWhenUnknownKidThenAtMostOneRefetchPerCooldown() {
        // A-035 / RFC 9068 §4 key rotation: an unknown kid refetches once per cooldown, even over 20 requests
        validator.validate(as.es256(claims(start).build()));
        assertThat(as.fetched).hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 20; i++) {
            String t = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                    .keyID("unknown").build(), claims(clock.instant()).jwtID("j" + i).build(), as.ec);
            assertInvalidToken(t);
        }
        assertThat(as.fetched).hasSize(2);
        clock.advance(Duration.ofSeconds(61));
        assertInvalidToken(TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("unknown").build(), claims(clock.instant()).build(), as.ec));
        assertThat(as.fetched).hasSize(3);
    }

    @Test
    void validateWhenKeyRotatedThenNewKeyFoundByOneRefetch() throws Exception {
        validator.validate(as.es256(claims(start).build()));
        ECKey next = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        as.publish(as.ec.toPublicJWK(), next.toPublicJWK());
        clock.advance(Duration.ofSeconds(61));
        String t = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                .keyID("ec-2").build(), claims(clock.instant()).build(), next);
        assertThat(validator.validate(t).subject()).isEqualTo("u-alice");
    }

    @Test
    void validateWhenSameTokenAgainThenServedFromCacheUntilExp() {
        String t = as.es256(claims(start).expirationTime(Date.from(start.plusSeconds(120))).build());
        validator.validate(t);
        assertThat(validator.cachedTokenCount()).isEqualTo(1);
        validator.validate(t);
        clock.advance(Duration.ofSeconds(121));
        // the cached entry never outlives exp; the full check then applies the leeway
        assertThat(validator.validate(t)).isNotNull();
        clock.advance(Duration.ofSeconds(60));
        assertInvalidToken(t);
    }

    @Test
    void requireScopeWhenMissingThenInsufficientScopeNamingIt() {
        AccessTokenPrincipal caller = validator.validate(as.es256(claims(start).build()));
        assertThatThrownBy(() -> validator.requireScope(caller, Scope.of("items:read", "items:write")))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().is(OAuthError.INSUFFICIENT_SCOPE)).isTrue();
                    assertThat(e.error().httpStatus()).isEqualTo(403);
                    assertThat(e.error().description().orElseThrow()).contains("items:read items:write");
                });
        validator.requireScope(caller, Scope.of("items:read"));
    }

    @Test
    void requireScopeHonoursTheScopeHierarchy() {
        // MCP 2026-07-28: a broad scope implies narrower ones
        AccessTokenValidator v = AccessTokenValidator.create(ResourceServerSettings.of(RESOURCE,
                List.of(TestTokens.ISSUER)).withScopeHierarchy(ScopeHierarchy.parse(List.of("items:admin>items:write",
                        "items:write>items:read"))), issuer -> TestTokens.JWKS, as::fetch, clock);
        AccessTokenPrincipal admin = v.validate(as.es256(claims(start).claim("scope", "items:admin").build()));
        v.requireScope(admin, Scope.of("items:read", "items:write"));
        AccessTokenPrincipal reader = v.validate(as.es256(claims(start).jwtID("r").build()));
        assertThatThrownBy(() -> v.requireScope(reader, Scope.of("items:write"))).isInstanceOf(OAuthException.class);
    }

    private static ECKey attackerKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

}
