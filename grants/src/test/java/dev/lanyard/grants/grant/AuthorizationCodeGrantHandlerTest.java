package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static dev.lanyard.grants.testing.TestServer.RS;
import static dev.lanyard.grants.testing.TestServer.RS2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.keys.VerifiedJws;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeChallengeMethod;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.claims.IdTokenClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.AuthorizationCodeGrant;
import dev.lanyard.spec.token.IntrospectionRequest;

class AuthorizationCodeGrantHandlerTest {

    private static final String CB = "https://app.example.test/cb";
    private static final Scope READ = Scope.of("items:read");

    private final TestServer as = TestServer.inMemory();
    private final CodeVerifier verifier = CodeVerifier.random();

    private String code() {
        return as.authorize("pub1", CB, Optional.of(verifier), READ, List.of(RS));
    }

    private AccessTokenResponse redeem(String code) {
        return as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "redirect_uri", CB,
                "code_verifier", verifier.value());
    }

    private boolean active(String token) {
        return as.introspection.introspect(new IntrospectionRequest(token, Optional.empty()), as.client("conf1"))
                .active();
    }

    @Test
    void handleWhenValidThenBearerTokenForResourceAndRefreshToken() {
        // response shape of a successful code exchange
        AccessTokenResponse r = redeem(code());
        assertThat(r.isBearer()).isTrue();
        assertThat(r.expiresIn()).contains(300L);
        assertThat(r.scope()).contains(READ);
        assertThat(r.refreshToken()).isPresent();
        AccessTokenClaims claims = AccessTokenClaims.parse(as.keys.verify(r.accessToken()).orElseThrow().payload())
                .orElseThrow();
        assertThat(claims.aud()).containsExactly(RS.value());
        assertThat(claims.sub()).isEqualTo("u-alice");
        assertThat(claims.clientId()).isEqualTo("pub1");
        assertThat(claims.authTime()).isPresent();
        assertThat(r.toJson().getJsonNumber("expires_in").longValue()).isEqualTo(300);
    }

    @Test
    void handleWhenLoopbackPortThenSameUriRedeems() {
        // the code goes to the requested loopback URI with its port; redeeming with that URI succeeds
        String loopback = "http://127.0.0.1:51004/cb";
        String code = as.authorize("pub1", loopback, Optional.of(verifier), READ, List.of(RS));
        assertThat(as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "redirect_uri",
                loopback, "code_verifier", verifier.value()).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenRedirectUriOmittedThenAllowed() {
        // AC-04: OAuth 2.1 clients may leave redirect_uri out of the token request
        String code = code();
        assertThat(as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "code_verifier",
                verifier.value()).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenRedeemedAgainValidlyThenInvalidGrantAndFirstTokensRevoked() {
        // the second valid redemption fails and revokes the access and refresh tokens of the first
        String code = code();
        AccessTokenResponse first = redeem(code);
        assertThat(active(first.accessToken())).isTrue();
        as.clock.advance(Duration.ofSeconds(1));
        assertError(() -> redeem(code), OAuthError.INVALID_GRANT);
        assertThat(active(first.accessToken())).isFalse();
        assertError(() -> as.token("grant_type", "refresh_token", "refresh_token", first.refreshToken().orElseThrow(),
                "client_id", "pub1"), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenReplayedWithWrongVerifierOrBadAuthThenFirstTokensStayValid() {
        // an invalid replay must not revoke what the first redemption issued
        String code = code();
        AccessTokenResponse first = redeem(code);
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", CodeVerifier.random().value()), OAuthError.INVALID_GRANT);
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "client_secret", TestClients.S1, "code_verifier", verifier.value()), OAuthError.INVALID_CLIENT);
        assertThat(active(first.accessToken())).isTrue();
        assertThat(as.token("grant_type", "refresh_token", "refresh_token", first.refreshToken().orElseThrow(),
                "client_id", "pub1").accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenVerifierIsTheChallengeThenInvalidGrant() {
        // RFC 7636 §4.6, the challenge string sent as the verifier
        String code = code();
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", verifier.challenge().value()), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenWellFormedWrongVerifierOrMissingThenInvalidGrant() {
        // A-025, PK-04: wrong but well-formed verifier; and no verifier for a code with a challenge
        String code = code();
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", "a".repeat(43)), OAuthError.INVALID_GRANT);
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1"),
                OAuthError.INVALID_GRANT);
        assertThat(redeem(code).accessToken()).isNotEmpty(); // invalid attempts did not burn the code
    }

    @Test
    void handleWhenRedirectUriDiffersThenInvalidGrant() {
        // OAuth 2.1 §4.1.3 / RFC 6749 §4.1.3
        String code = code();
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "redirect_uri", CB + "2", "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenLoopbackPortDiffersAtTheTokenEndpointThenInvalidGrant() {
        // OAuth 2.1 §4.1.3, A-005/A-020: the port rule is for matching registrations; at the token endpoint
        // redirect_uri must be identical to the one the code was sent to
        String code = as.authorize("pub1", "http://127.0.0.1:51004/cb", Optional.of(verifier), READ, List.of(RS));
        for (String other : List.of("http://127.0.0.1:51005/cb", "http://127.0.0.1/cb",
                "https://app.example.test/cb")) {
            assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                    "redirect_uri", other, "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
        }
    }

    @Test
    void handleWhenVerifierOfAnotherCodeThenInvalidGrant() {
        // RFC 7636 §4.6, RFC 9700 §4.5: a code injected with the verifier of the attacker's own code fails
        CodeVerifier other = CodeVerifier.random();
        String victims = code();
        String attackers = as.authorize("pub1", CB, Optional.of(other), READ, List.of(RS));
        assertError(() -> as.token("grant_type", "authorization_code", "code", victims, "client_id", "pub1",
                "code_verifier", other.value()), OAuthError.INVALID_GRANT);
        assertThat(as.token("grant_type", "authorization_code", "code", attackers, "client_id", "pub1",
                "code_verifier", other.value()).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenConfidentialClientsCodeRedeemedByAnotherAuthenticatedClientThenInvalidGrant() {
        // AC-01: conf2 authenticates correctly but the code was issued to conf1; the code is invalidated too
        String code = as.authorize("conf1", "https://conf.example.test/cb?tenant=1", Optional.of(verifier), READ,
                List.of(RS));
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "conf2",
                "client_secret", TestClients.S2, "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
        assertError(() -> as.tokenBasic("conf1", TestClients.S1, "grant_type", "authorization_code", "code", code,
                "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenConfidentialClientsCodeWithoutItsCredentialsThenInvalidClient() {
        // OAuth 2.1 §4.1.3: a confidential client authenticates to redeem its code; client_id alone is not enough
        String code = as.authorize("conf1", "https://conf.example.test/cb?tenant=1", Optional.of(verifier), READ,
                List.of(RS));
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "conf1",
                "code_verifier", verifier.value()), OAuthError.INVALID_CLIENT);
        assertThat(as.tokenBasic("conf1", TestClients.S1, "grant_type", "authorization_code", "code", code,
                "code_verifier", verifier.value()).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenVerifierForCodeWithoutChallengeThenInvalidRequest() {
        // PKCE downgrade; no tokens
        String code = as.authorize("conf1", "https://conf.example.test/cb?tenant=1", Optional.empty(), READ,
                List.of(RS));
        assertError(() -> as.tokenBasic("conf1", TestClients.S1, "grant_type", "authorization_code", "code", code,
                "code_verifier", "a".repeat(43)), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenVerifierMalformedThenInvalidRequest() {
        // RFC 7636 §4.1 ABNF; 42 and 129 characters, a space, '+' and '/'
        String code = code();
        for (String bad : List.of("a".repeat(42), "a".repeat(129), "a".repeat(42) + " ", "a".repeat(42) + "+",
                "a".repeat(42) + "/")) {
            assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                    "code_verifier", bad), OAuthError.INVALID_REQUEST);
        }
    }

    @Test
    void handleWhenCodeOfAnotherClientThenInvalidGrantAndCodeInvalidated() {
        // AC-01: the code was issued to pub1; pub2 presents it; LIB: the code is invalidated too
        String code = code();
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub2",
                "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
        assertError(() -> redeem(code), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenOlderThanSixtySecondsThenInvalidGrant() {
        // Codes live 60 s (issue 4)
        String code = code();
        as.clock.advance(Duration.ofSeconds(60));
        assertError(() -> redeem(code), OAuthError.INVALID_GRANT);
        // AC-02, AZ-07: one second earlier the code still redeems
        String fresh = code();
        as.clock.advance(Duration.ofSeconds(59));
        assertThat(redeem(fresh).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenUnknownOrRefreshTokenAsCodeThenInvalidGrant() {
        // AC-05: a refresh token presented as a code
        AccessTokenResponse r = redeem(code());
        assertError(() -> as.token("grant_type", "authorization_code", "code", r.refreshToken().orElseThrow(),
                "client_id", "pub1", "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
        assertError(() -> as.token("grant_type", "authorization_code", "code", "nope", "client_id", "pub1",
                "code_verifier", verifier.value()), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenOversizeCodeThenInvalidRequest() {
        // oversize parameters, no truncation-then-match
        assertError(() -> as.token("grant_type", "authorization_code", "code", "a".repeat(60_000), "client_id",
                "pub1"), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenResourceNotGrantedThenInvalidTargetElseNarrowed() {
        // RFC 8707 §2.2
        String code = as.authorize("pub1", CB, Optional.of(verifier), READ, List.of(RS, RS2));
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", verifier.value(), "resource", "https://admin.example.test/api"),
                OAuthError.INVALID_TARGET);
        AccessTokenResponse r = as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", verifier.value(), "resource", RS2.value());
        assertThat(AccessTokenClaims.parse(as.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow()
                .aud()).containsExactly(RS2.value());
    }

    @Test
    void handleWhenClientMayNotRefreshThenNoRefreshToken() {
        as.clients.register(dev.lanyard.grants.client.RegisteredClient.builder("pub-norefresh").publicClient()
                .redirectUris(CB).grantTypes(dev.lanyard.spec.core.GrantType.AUTHORIZATION_CODE).scope(READ).build());
        String code = as.authorize("pub-norefresh", CB, Optional.of(verifier), READ, List.of(RS));
        assertThat(as.token("grant_type", "authorization_code", "code", code, "client_id", "pub-norefresh",
                "code_verifier", verifier.value()).refreshToken()).isEmpty();
    }

    private String openIdCode(String nonce) {
        as.clients.register(dev.lanyard.grants.client.RegisteredClient.builder("oidc1").publicClient()
                .redirectUris(CB).grantTypes(dev.lanyard.spec.core.GrantType.AUTHORIZATION_CODE)
                .scope(Scope.of("openid", "items:read")).build());
        return as.codeService.issue(new AuthorizationCodeBinding("oidc1", CB, Optional.of(verifier.challenge()),
                Optional.of(CodeChallengeMethod.S256), List.of(RS), Scope.of("openid", "items:read"), "u-alice",
                Optional.of(TestServer.T0.minusSeconds(5)), Optional.ofNullable(nonce)));
    }

    @Test
    void handleWhenScopeOpenidThenIdTokenForTheClientWithNonceAndAuthTime() {
        // OIDC Core §3.1.3.3: the code of an OpenID Connect request yields an id_token
        AccessTokenResponse r = as.token("grant_type", "authorization_code", "code", openIdCode("n-0S6_WzA2Mj"),
                "client_id", "oidc1", "code_verifier", verifier.value());
        VerifiedJws jws = as.keys.verify(r.idToken().orElseThrow()).orElseThrow();
        assertThat(jws.typ()).contains("JWT");
        IdTokenClaims id = IdTokenClaims.parse(jws.payload()).orElseThrow();
        // OIDC Core §2: aud is the client_id; §3.1.3.6: nonce unmodified; auth_time from the user's sign-in
        assertThat(id.iss()).isEqualTo(TestClients.ISS);
        assertThat(id.sub()).isEqualTo("u-alice");
        assertThat(id.aud()).containsExactly("oidc1");
        assertThat(id.nonce()).contains("n-0S6_WzA2Mj");
        assertThat(id.authTime()).contains(TestServer.T0.minusSeconds(5).getEpochSecond());
        assertThat(r.toJson().getString("id_token")).isEqualTo(r.idToken().orElseThrow());
    }

    @Test
    void handleWhenScopeOpenidWithoutNonceThenIdTokenWithoutNonce() {
        AccessTokenResponse r = as.token("grant_type", "authorization_code", "code", openIdCode(null),
                "client_id", "oidc1", "code_verifier", verifier.value());
        assertThat(IdTokenClaims.parse(as.keys.verify(r.idToken().orElseThrow()).orElseThrow().payload())
                .orElseThrow().nonce()).isEmpty();
    }

    @Test
    void handleWhenScopeWithoutOpenidThenNoIdToken() {
        assertThat(redeem(code()).idToken()).isEmpty();
    }

    @Test
    void handleWhenNoIdTokenIssuerThenNoIdTokenEvenForOpenid() {
        // a server that is not an OpenID Provider ignores openid
        AuthorizationCodeGrantHandler plain = new AuthorizationCodeGrantHandler(as.codes, as.refreshTokens,
                as.revoked, as.issuer, as.settings, as.clock);
        AccessTokenResponse r = plain.handle(new AuthorizationCodeGrant(openIdCode("n"), Optional.empty(),
                Optional.of(verifier.value()), Optional.of("oidc1"), List.of()), as.client("oidc1"));
        assertThat(r.accessToken()).isNotEmpty();
        assertThat(r.idToken()).isEmpty();
    }
}
