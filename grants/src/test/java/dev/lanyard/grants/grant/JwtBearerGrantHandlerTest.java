package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.CrossAppAccess.AS;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP_KEY;
import static dev.lanyard.grants.testing.CrossAppAccess.ITEMS;
import static dev.lanyard.grants.testing.CrossAppAccess.RS;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.TrustedIdentityProviders;
import dev.lanyard.grants.keys.SigningAlgorithm;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;

class JwtBearerGrantHandlerTest {

    private static final ECKey ROGUE = CrossAppAccess.ecKey("idp-1");

    private final CrossAppAccess x = new CrossAppAccess();

    /** Valid claims of an ID-JAG for {@code agent-at-as}: 5 minutes, the resource, items:read items:write. */
    private JsonObject claims() {
        Instant now = x.now();
        return IdJagClaims.builder().iss(IDP).sub("u-alice").aud(AS).clientId("agent-at-as")
                .jti(UUID.randomUUID().toString()).iat(now).exp(now.plusSeconds(300)).resource(List.of(RS))
                .scope(ITEMS).email("alice@example.test").build().toJson();
    }

    private JsonObject claims(UnaryOperator<JsonObjectBuilder> change) {
        return change.apply(Json.createObjectBuilder(claims())).build();
    }

    /** Signed by the IdP's key with {@code header}. */
    private static String sign(JWSHeader header, JsonObject payload, ECKey key) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(payload.toString()));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(IDP_KEY.getKeyID())
                .type(new JOSEObjectType(IdJagClaims.TYP));
    }

    private static String idJag(JsonObject payload) {
        return sign(header().build(), payload, IDP_KEY);
    }

    private AccessTokenResponse redeem(String assertion) {
        return redeem(assertion, "agent-at-as", Optional.empty(), List.of());
    }

    private AccessTokenResponse redeem(String assertion, String clientId, Optional<Scope> scope,
            List<ResourceIndicator> resources) {
        return x.ras.handler().handle(new JwtBearerGrant(assertion, scope, resources), x.ras.client(clientId));
    }

    private OAuthException invalidGrant(String assertion) {
        OAuthException e = assertError(() -> redeem(assertion), OAuthError.INVALID_GRANT);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).startsWith("Invalid ID-JAG: "));
        return e;
    }

    /** {@code invalid_grant} whose description names the rule broken. */
    private void invalidGrant(String assertion, String rule) {
        assertThat(invalidGrant(assertion).error().description()).hasValueSatisfying(d -> assertThat(d)
                .contains(rule));
    }

    private AccessTokenClaims accessToken(AccessTokenResponse r) {
        return AccessTokenClaims.parse(x.ras.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow();
    }

    @Test
    void handleWhenValidIdJagThenAudienceBoundBearerTokenWithoutRefreshToken() {
        AccessTokenResponse r = redeem(idJag(claims()));
        // ID-JAG §4.4.2, §4.4.3: a Bearer token response, no refresh token; §4.4.1: granted scope and resource
        assertThat(r.isBearer()).isTrue();
        assertThat(r.refreshToken()).isEmpty();
        assertThat(r.expiresIn()).contains(300L);
        assertThat(r.scope()).contains(ITEMS);
        assertThat(r.toJson().getString("resource")).isEqualTo(RS.value());
        AccessTokenClaims at = accessToken(r);
        assertThat(at.iss()).isEqualTo(AS);
        assertThat(at.aud()).containsExactly(RS.value());
        assertThat(at.sub()).isEqualTo("u-alice");
        assertThat(at.clientId()).isEqualTo("agent-at-as");
    }

    @Test
    void handleWhenTypIsNotIdJagThenInvalidGrant() {
        // ID-JAG §4.4.1 / RFC 8725 §3.11: typ JWT, at+jwt, or missing
        for (String typ : List.of("JWT", "at+jwt", "application/jwt")) {
            invalidGrant(sign(header().type(new JOSEObjectType(typ)).build(), claims(), IDP_KEY), "typ");
        }
        invalidGrant(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(IDP_KEY.getKeyID()).build(), claims(),
                IDP_KEY), "typ");
        assertThat(redeem(sign(header().type(new JOSEObjectType("application/oauth-id-jag+jwt")).build(), claims(),
                IDP_KEY)).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenAlgNoneOrHmacThenInvalidGrant() throws Exception {
        // RFC 7523 §3 item 9: signed; RFC 8725 §3.1: no none, no HMAC
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String alg : List.of("none", "None", "NONE")) {
            String header = "{\"alg\":\"" + alg + "\",\"typ\":\"oauth-id-jag+jwt\"}";
            invalidGrant(b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8)) + ".", "signed");
        }
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(
                IdJagClaims.TYP)).build(), new Payload(claims().toString()));
        hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        invalidGrant(hmac.serialize(), "alg");
    }

    @Test
    void handleWhenIssuerNotTrustedThenInvalidGrant() {
        OAuthException e = invalidGrant(sign(header().build(), claims(b -> b.add("iss", "https://evil.example.test")),
                ROGUE));
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("trusted"));
    }

    @Test
    void handleWhenSignedByAKeyOutsideTheIdpJwksThenInvalidGrant() {
        // a key with the IdP's kid; a key injected in the header (RFC 8725 §3.10); a corrupted signature
        invalidGrant(sign(header().build(), claims(), ROGUE), "signature");
        invalidGrant(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(IdJagClaims.TYP))
                .jwk(ROGUE.toPublicJWK()).build(), claims(), ROGUE), "signature");
        String good = idJag(claims());
        invalidGrant(good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA"), "signature");
    }

    @Test
    void handleWhenUnknownKidThenOneRefetchPerCooldown() {
        // RemoteJwks: an unknown kid refetches the IdP's JWKS at most once per cooldown (A-035 for IdP keys)
        redeem(idJag(claims()));
        x.clock.advance(Duration.ofMinutes(6));
        int before = x.ras.jwksFetches.get();
        for (int i = 0; i < 10; i++) {
            invalidGrant(sign(header().keyID("kid-" + i).build(), claims(), ROGUE), "signature");
        }
        assertThat(x.ras.jwksFetches.get() - before).isEqualTo(1);
    }

    @Test
    void handleWhenIssuerKeysUnavailableThenInvalidGrant() {
        x.ras.trusted = new TrustedIdentityProviders() {
            @Override
            public boolean trusts(String issuer) {
                return IDP.equals(issuer);
            }

            @Override
            public Optional<URI> jwksUri(String issuer) {
                return Optional.empty();
            }
        };
        invalidGrant(idJag(claims()), "keys");
    }

    @Test
    void handleWhenCritHeaderThenInvalidGrant() {
        // RFC 7515 §4.1.11
        invalidGrant(sign(header().criticalParams(Set.of("x-unknown")).customParam("x-unknown", 1).build(),
                claims(), IDP_KEY), "crit");
    }

    @Test
    void handleWhenAudIsAnotherServerOrTheTokenEndpointThenInvalidGrant() {
        // ID-JAG §4.4.1: aud MUST be this server's issuer identifier
        invalidGrant(idJag(claims(b -> b.add("aud", "https://other-as.example.test"))), "aud");
        invalidGrant(idJag(claims(b -> b.add("aud", AS + "/token"))), "aud");
        invalidGrant(idJag(claims(b -> b.add("aud", AS + "/"))), "aud");
    }

    @Test
    void handleWhenAudArrayOfTwoThenInvalidGrantAndArrayOfOneAccepted() {
        // ID-JAG §4.4.1: an array MUST contain exactly one element, this issuer
        OAuthException e = invalidGrant(idJag(claims(b -> b.add("aud", Json.createArrayBuilder().add(AS)
                .add("https://other-as.example.test")))));
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("/aud"));
        invalidGrant(idJag(claims(b -> b.add("aud", Json.createArrayBuilder().add("https://other-as.example.test")
                .add(AS)))));
        assertThat(redeem(idJag(claims(b -> b.add("aud", Json.createArrayBuilder().add(AS))))).accessToken())
                .isNotEmpty();
    }

    @Test
    void handleWhenClientIdIsAnotherClientThenInvalidGrant() {
        // ID-JAG §4.4.1: client_id MUST identify the authenticated client
        assertError(() -> redeem(idJag(claims()), "other-at-as", Optional.empty(), List.of()),
                OAuthError.INVALID_GRANT);
        invalidGrant(idJag(claims(b -> b.add("client_id", "agent"))), "client_id");
    }

    @Test
    void handleWhenExpiredNotYetValidOrTooLongThenInvalidGrant() {
        // RFC 7523 §3 items 4 to 6, 60 s skew
        Instant now = x.now();
        invalidGrant(idJag(claims(b -> b.add("exp", now.minusSeconds(61).getEpochSecond()))), "expired");
        invalidGrant(idJag(claims(b -> b.add("nbf", now.plusSeconds(120).getEpochSecond()))), "nbf");
        invalidGrant(idJag(claims(b -> b.add("iat", now.plusSeconds(120).getEpochSecond()))), "iat");
        invalidGrant(idJag(claims(b -> b.add("exp", now.plus(Duration.ofHours(1)).getEpochSecond()))), "exp");
        assertThat(redeem(idJag(claims(b -> b.add("exp", now.minusSeconds(30).getEpochSecond())))).accessToken())
                .isNotEmpty();
    }

    @Test
    void handleWhenExpiredAfterIssueThenInvalidGrant() {
        String assertion = idJag(claims());
        x.clock.advance(Duration.ofSeconds(361));
        invalidGrant(assertion, "expired");
    }

    @Test
    void handleWhenJtiReplayedThenInvalidGrant() {
        // RFC 7523 §3 item 7: jti tracked until exp (the store's replay guard)
        String assertion = idJag(claims());
        redeem(assertion);
        OAuthException e = invalidGrant(assertion);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("jti"));
    }

    @Test
    void handleWhenOneTimeUseOffThenUnexpiredIdJagRedeemedAgain() {
        // ID-JAG §4.4.3: clients MAY re-submit the ID-JAG when the access token expired
        x.ras.idJag = IdJagSettings.defaults().withOneTimeUse(false);
        String assertion = idJag(claims());
        assertThat(redeem(assertion).accessToken()).isNotEqualTo(redeem(assertion).accessToken());
    }

    @Test
    void handleWhenRefusedForAnotherReasonThenJtiNotConsumed() {
        String assertion = idJag(claims());
        assertError(() -> redeem(assertion, "agent-at-as", Optional.empty(),
                List.of(new ResourceIndicator("https://admin.example.test/api"))), OAuthError.INVALID_TARGET);
        assertThat(redeem(assertion).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenRequiredClaimMissingThenInvalidGrant() {
        // ID-JAG §3.1: iss, sub, aud, client_id, jti, exp, iat REQUIRED
        for (String claim : List.of("iss", "sub", "aud", "client_id", "jti", "exp", "iat")) {
            OAuthException e = invalidGrant(idJag(claims(b -> b.remove(claim))));
            assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("/" + claim));
        }
    }

    @Test
    void handleWhenPublicClientThenUnauthorizedClient() {
        // ID-JAG §8.1: confidential clients only
        assertError(() -> redeem(idJag(claims(b -> b.add("client_id", "public-at-as"))), "public-at-as",
                Optional.empty(), List.of()), OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void handleWhenIssuedByThisServerThenInvalidGrant() {
        // ID-JAG §8.3: no access token for an ID-JAG the server issued itself
        x.ras.trusted = TrustedIdentityProviders.of(Map.of(AS,
                CrossAppAccess.IDP_JWKS));
        invalidGrant(idJag(claims(b -> b.add("iss", AS))), "issued by this server");
    }

    @Test
    void handleWhenCnfWithoutDpopProofThenInvalidGrant() {
        // ID-JAG §8.6: cnf without a DPoP proof MUST be rejected
        invalidGrant(idJag(claims(b -> b.add("cnf", Json.createObjectBuilder().add("jkt", "0ZcOCORZNYy")))), "cnf");
    }

    @Test
    void handleWhenNoResourceInIdJagThenInvalidGrant() {
        // MCP enterprise-managed authorization: resource REQUIRED in the ID-JAG
        invalidGrant(idJag(claims(b -> b.remove("resource"))), "resource");
    }

    @Test
    void handleWhenResourceNotInIdJagOrNotServedThenInvalidTarget() {
        // RFC 8707 §2: only what the ID-JAG grants, and what this server serves
        assertError(() -> redeem(idJag(claims()), "agent-at-as", Optional.empty(),
                List.of(new ResourceIndicator("https://rs2.example.test/api"))), OAuthError.INVALID_TARGET);
        assertError(() -> redeem(idJag(claims(b -> b.add("resource", "https://elsewhere.example.test/api")))),
                OAuthError.INVALID_TARGET);
    }

    @Test
    void handleWhenScopeRequestedThenNarrowedToTheIdJagAndTheClient() {
        // 3.11: a request for "a b" with the ID-JAG granting "a" returns scope "a"
        AccessTokenResponse r = redeem(idJag(claims(b -> b.add("scope", "items:read"))), "agent-at-as",
                Optional.of(ITEMS), List.of());
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(accessToken(r).scope()).contains(Scope.of("items:read"));
        assertError(() -> redeem(idJag(claims()), "agent-at-as", Optional.of(Scope.of("admin")), List.of()),
                OAuthError.INVALID_SCOPE);
        // the client's registered scope at this server bounds what the ID-JAG grants
        AccessTokenResponse wide = redeem(idJag(claims(b -> b.add("scope", "items:read admin"))));
        assertThat(wide.scope()).contains(Scope.of("items:read"));
    }

    @Test
    void handleWhenSubjectMapperKnowsNoAccountThenInvalidGrantElseMappedSubject() {
        x.ras.subjects = a -> a.email().filter(e -> e.endsWith("@example.test")).map(e -> "local:" + e);
        assertThat(accessToken(redeem(idJag(claims()))).sub()).isEqualTo("local:alice@example.test");
        invalidGrant(idJag(claims(b -> b.add("email", "mallory@evil.example.test"))), "account");
    }

    @Test
    void handleWhenIdpSignsWithEd25519ThenAccepted() {
        // an IdP whose keys are EdDSA (Lanyard's SigningAlgorithm.EDDSA): OKP keys of its JWK set verify
        SigningKeys ed = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults()
                .withAlgorithm(SigningAlgorithm.EDDSA), x.clock);
        x.ras.fetcher = uri -> ed.publicJwksJson();
        String assertion = ed.sign(IdJagClaims.TYP, claims().toString());
        assertThat(accessToken(redeem(assertion)).sub()).isEqualTo("u-alice");
        invalidGrant(ed.sign(IdJagClaims.TYP, claims(b -> b.add("aud", "https://other-as.example.test")).toString()),
                "aud");
    }
}
