package dev.lanyard.grants.idjag;

import static dev.lanyard.grants.testing.CrossAppAccess.AGENT_SECRET;
import static dev.lanyard.grants.testing.CrossAppAccess.AS;
import static dev.lanyard.grants.testing.CrossAppAccess.RS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.idjag.IdJagClientException.Leg;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * Cross App Access end to end, two distinct issuers wired through their token endpoints: the user signs in at the
 * enterprise IdP (OpenID Connect code flow), the agent exchanges the ID token for an ID-JAG, redeems it at the MCP
 * server's authorization server, and the resource accepts the access token as a resource server would. No consent
 * page anywhere: the resource authorization server has no authorization endpoint in this flow.
 */
class CrossAppAccessTest {

    private final CrossAppAccess x = new CrossAppAccess();

    /** What the MCP server does with a bearer token: RFC 9068 §4, with the resource AS's published JWK set. */
    private JWTClaimsSet resourceServerAccepts(String accessToken) throws ParseException, BadJOSEException,
            JOSEException {
        DefaultJWTProcessor<SecurityContext> rs = new DefaultJWTProcessor<>();
        rs.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        rs.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                new ImmutableJWKSet<>(JWKSet.parse(x.ras.keys.publicJwksJson()))));
        rs.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(RS.value(),
                new JWTClaimsSet.Builder().issuer(AS).build(), Set.of("sub", "exp", "iat", "jti", "client_id")) {
            @Override
            protected Date currentTime() {
                return Date.from(x.now());
            }
        });
        return rs.process(accessToken, null);
    }

    @Test
    void signInExchangeRedeemThenTheResourceAcceptsTheAccessToken() throws Exception {
        // 1. SSO at the IdP: the OpenID Connect code flow returns an ID token for the agent
        AccessTokenResponse sso = x.idp.signIn("agent", AGENT_SECRET);
        String idToken = sso.idToken().orElseThrow();
        // 2. and 3. token exchange at the IdP, then the JWT bearer grant at the resource AS
        IdJagClient agent = x.client();
        AccessTokenResponse idJag = agent.requestIdJag(AS, List.of(RS), Optional.of(Scope.of("items:read")),
                idToken, TokenTypeUri.ID_TOKEN);
        assertThat(idJag.issuedTokenType()).contains(TokenTypeUri.ID_JAG);
        assertThat(idJag.tokenType()).isEqualTo("N_A");
        assertThat(idJag.refreshToken()).isEmpty();
        AccessTokenResponse token = agent.redeem(idJag.accessToken(), List.of(), Optional.empty());
        assertThat(token.isBearer()).isTrue();
        assertThat(token.refreshToken()).isEmpty();
        assertThat(token.scope()).contains(Scope.of("items:read"));
        // 4. the protected resource validates it: typ at+jwt, signature by the resource AS, iss, aud, exp
        JWTClaimsSet claims = resourceServerAccepts(token.accessToken());
        assertThat(claims.getSubject()).isEqualTo("u-alice");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("agent-at-as");
        assertThat(claims.getStringClaim("scope")).isEqualTo("items:read");
        assertThat(claims.getAudience()).containsExactly(RS.value());
        // the two servers are distinct issuers with distinct keys: the IdP's keys verify nothing of the resource AS
        assertThat(x.idp.keys.verify(token.accessToken())).isEmpty();
        assertThat(x.ras.keys.verify(idJag.accessToken())).isEmpty();
    }

    @Test
    void accessTokenInOneCallThenSameOutcome() throws Exception {
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        AccessTokenResponse token = x.client().accessToken(AS, List.of(RS), Optional.empty(), idToken,
                TokenTypeUri.ID_TOKEN);
        assertThat(resourceServerAccepts(token.accessToken()).getStringClaim("scope"))
                .isEqualTo("items:read items:write");
    }

    @Test
    void accessTokenWithAuthorizationDetailsThenGrantedOnesInTheResponseAndTheToken() throws Exception {
        // RFC 9396 through both legs: the IdP allows both types, the resource AS knows one (a subset, §4.4.1)
        x.idp.policy = new RuleListIdJagPolicy(List.of(new IdJagRule("agent", AS, "agent-at-as", List.of(RS),
                CrossAppAccess.ITEMS, Set.of("chat_read", "chat_history"))));
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_history"));
        AuthorizationDetails asked = AuthorizationDetails.of(AuthorizationDetail.ofType("chat_read"),
                AuthorizationDetail.ofType("chat_history"));
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        IdJagClient agent = x.client();
        assertThat(agent.requestIdJag(AS, List.of(RS), Optional.empty(), Optional.of(asked), idToken,
                TokenTypeUri.ID_TOKEN).authorizationDetails()).contains(asked);
        AccessTokenResponse token = agent.accessToken(AS, List.of(RS), Optional.of(Scope.of("items:read")),
                Optional.of(asked), idToken, TokenTypeUri.ID_TOKEN);
        AuthorizationDetails granted = AuthorizationDetails.of(AuthorizationDetail.ofType("chat_history"));
        assertThat(token.authorizationDetails()).contains(granted);
        assertThat(resourceServerAccepts(token.accessToken()).getClaim("authorization_details"))
                .isEqualTo(List.of(Map.of("type", "chat_history")));
        assertThat(resourceServerAccepts(token.accessToken()).getStringClaim("scope")).isEqualTo("items:read");
    }

    @Test
    void accessTokenWhenIdTokenExpiredThenIdpRefreshTokenStillWorks() throws Exception {
        // ID-JAG §4.4.3: with an expired ID token, the IdP refresh token is the subject token
        AccessTokenResponse sso = x.idp.signIn("agent", AGENT_SECRET);
        x.clock.advance(Duration.ofMinutes(10));
        IdJagClient agent = x.client();
        assertThatThrownBy(() -> agent.accessToken(AS, List.of(RS), Optional.empty(), sso.idToken().orElseThrow(),
                TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.IDENTITY_PROVIDER);
                    assertThat(e.error().map(OAuthError::code)).contains("invalid_request");
                });
        AccessTokenResponse token = agent.accessToken(AS, List.of(RS), Optional.empty(),
                sso.refreshToken().orElseThrow(), TokenTypeUri.REFRESH_TOKEN);
        assertThat(resourceServerAccepts(token.accessToken()).getSubject()).isEqualTo("u-alice");
    }

    @Test
    void redeemWhenIdJagPresentedTwiceOrByAnotherClientThenInvalidGrant() {
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        IdJagClient agent = x.client();
        String idJag = agent.requestIdJag(AS, List.of(RS), Optional.empty(), idToken, TokenTypeUri.ID_TOKEN)
                .accessToken();
        IdJagClient other = new IdJagClient(form -> {
            throw new AssertionError("no IdP call");
        }, CrossAppAccess.endpoint(x.ras.tokenEndpoint(), CrossAppAccess.AS_TOKEN, "other-at-as",
                CrossAppAccess.OTHER_SECRET));
        assertThatThrownBy(() -> other.redeem(idJag, List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().map(OAuthError::code)).contains("invalid_grant"));
        assertThat(agent.redeem(idJag, List.of(), Optional.empty()).accessToken()).isNotEmpty();
        assertThatThrownBy(() -> agent.redeem(idJag, List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().map(OAuthError::code)).contains("invalid_grant"));
    }

    @Test
    void redeemWhenIdTokenInsteadOfIdJagThenInvalidGrant() {
        // ID tokens are for the client (OIDC Core §2), never a grant at another server (typ JWT, aud the client)
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        assertThatThrownBy(() -> x.client().redeem(idToken, List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().map(OAuthError::code)).contains("invalid_grant"));
    }

    @Test
    void redeemAtTheIdpItselfThenUnsupportedGrantType() {
        // ID-JAG §8.3: the IdP never issues access tokens for its own ID-JAGs; it has no JWT bearer grant
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        String idJag = x.client().requestIdJag(AS, List.of(RS), Optional.empty(), idToken, TokenTypeUri.ID_TOKEN)
                .accessToken();
        IdJagClient confused = new IdJagClient(form -> {
            throw new AssertionError("no exchange");
        }, CrossAppAccess.endpoint(x.idp.tokenEndpoint(), CrossAppAccess.IDP_TOKEN, "agent", AGENT_SECRET));
        assertThatThrownBy(() -> confused.redeem(idJag, List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().map(OAuthError::code)).contains("unsupported_grant_type"));
    }

    @Test
    void accessTokenWhenTheResourceAsDoesNotTrustTheIdpThenInvalidGrant() {
        x.ras.trusted = TrustedIdentityProviders.of(Map.of());
        String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();
        assertThatThrownBy(() -> x.client().accessToken(AS, List.of(RS), Optional.empty(), idToken,
                TokenTypeUri.ID_TOKEN)).isInstanceOfSatisfying(IdJagClientException.class, e -> {
                    assertThat(e.leg()).isEqualTo(Leg.RESOURCE_AUTHORIZATION_SERVER);
                    assertThat(e.error().map(OAuthError::code)).contains("invalid_grant");
                });
    }
}
