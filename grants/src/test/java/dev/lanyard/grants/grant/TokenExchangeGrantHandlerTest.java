package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.CrossAppAccess.AGENT_SECRET;
import static dev.lanyard.grants.testing.CrossAppAccess.AS;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP;
import static dev.lanyard.grants.testing.CrossAppAccess.OTHER_SECRET;
import static dev.lanyard.grants.testing.CrossAppAccess.RS;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.idjag.IdJagDecision;
import dev.lanyard.grants.idjag.IdJagRequest;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.keys.VerifiedJws;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.claims.IdTokenClaims;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;

class TokenExchangeGrantHandlerTest {

    private static final String ID_TOKEN = TokenTypeUri.ID_TOKEN.value();
    private static final String REFRESH = TokenTypeUri.REFRESH_TOKEN.value();
    private static final String ACCESS = TokenTypeUri.ACCESS_TOKEN.value();

    private final CrossAppAccess x = new CrossAppAccess();
    private final AccessTokenResponse signIn = x.idp.signIn("agent", AGENT_SECRET);
    private final String idToken = signIn.idToken().orElseThrow();

    /** The agent's exchange request for an ID-JAG, with {@code change} applied to its parameters. */
    private FormParameters request(String subjectToken, String subjectType,
            Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("grant_type", List.of(GrantType.TOKEN_EXCHANGE.value()));
        p.put("requested_token_type", List.of(TokenTypeUri.ID_JAG.value()));
        p.put("audience", List.of(AS));
        p.put("resource", List.of(RS.value()));
        p.put("scope", List.of("items:read"));
        p.put("subject_token", List.of(subjectToken));
        p.put("subject_token_type", List.of(subjectType));
        change.accept(p);
        return FormParameters.of(p);
    }

    private AccessTokenResponse exchange(Consumer<Map<String, List<String>>> change) {
        return x.idp.token("agent", AGENT_SECRET, request(idToken, ID_TOKEN, change));
    }

    private AccessTokenResponse exchange(String subjectToken, String subjectType) {
        return x.idp.token("agent", AGENT_SECRET, request(subjectToken, subjectType, p -> { }));
    }

    private OAuthException refused(OAuthError expected, Consumer<Map<String, List<String>>> change) {
        return assertError(() -> exchange(change), expected);
    }

    private IdJagClaims idJag(AccessTokenResponse r) {
        VerifiedJws jws = x.idp.keys.verify(r.accessToken()).orElseThrow();
        assertThat(jws.typ()).contains(IdJagClaims.TYP);
        return IdJagClaims.parse(jws.payload()).orElseThrow();
    }

    @Test
    void handleWhenIdTokenOfTheClientThenIdJagAndTokenExchangeResponse() {
        AccessTokenResponse r = exchange(p -> { });
        // ID-JAG §4.3.4: issued_token_type id-jag, token_type N_A, expires_in; no refresh token; same scope: omitted
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ID_JAG);
        assertThat(r.tokenType()).isEqualTo("N_A");
        assertThat(r.expiresIn()).contains(300L);
        assertThat(r.refreshToken()).isEmpty();
        assertThat(r.scope()).isEmpty();
        IdJagClaims c = idJag(r);
        // ID-JAG §3.1: iss, sub, aud (the resource AS), client_id there, jti, iat, exp; resource, scope, email
        assertThat(c.iss()).isEqualTo(IDP);
        assertThat(c.sub()).isEqualTo("u-alice");
        assertThat(c.aud()).isEqualTo(AS);
        assertThat(c.clientId()).isEqualTo("agent-at-as");
        assertThat(c.jti()).isNotEmpty();
        assertThat(c.iat()).isEqualTo(x.now().getEpochSecond());
        assertThat(c.exp() - c.iat()).isEqualTo(300);
        assertThat(c.resource()).containsExactly(RS);
        assertThat(c.scope()).contains(Scope.of("items:read"));
        assertThat(c.email()).contains("alice@example.test");
        assertThat(c.authTime()).contains(x.now().minusSeconds(10).getEpochSecond());
        assertThat(exchange(p -> { }).accessToken()).isNotEqualTo(r.accessToken()); // a new jti each time
    }

    @Test
    void handleWhenPolicyNarrowsScopeThenScopeInResponseAndIdJag() {
        // ID-JAG §4.3.3: the granted scope, reductions reflected; §4.3.4: scope REQUIRED when it differs
        AccessTokenResponse r = exchange(p -> p.put("scope", List.of("items:read admin")));
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(idJag(r).scope()).contains(Scope.of("items:read"));
    }

    @Test
    void handleWhenNoScopeRequestedThenPolicyScopeReported() {
        AccessTokenResponse r = exchange(p -> p.remove("scope"));
        assertThat(r.scope()).contains(CrossAppAccess.ITEMS);
        assertThat(idJag(r).scope()).contains(CrossAppAccess.ITEMS);
    }

    @Test
    void handleWhenScopeBeyondPolicyThenInvalidScope() {
        refused(OAuthError.INVALID_SCOPE, p -> p.put("scope", List.of("admin")));
    }

    @Test
    void handleWhenRefreshTokenOfTheClientThenIdJagAndTokenNotRotated() {
        // ID-JAG §4.3: an IdP refresh token as subject token; validated as for the refresh_token grant
        String rt = signIn.refreshToken().orElseThrow();
        IdJagClaims c = idJag(exchange(rt, REFRESH));
        assertThat(c.sub()).isEqualTo("u-alice");
        assertThat(x.idp.refreshTokens.find(Digests.sha256Base64Url(rt)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void handleWhenRotatedRefreshTokenThenInvalidRequestAndFamilyRevoked() {
        String rt = signIn.refreshToken().orElseThrow();
        String next = x.idp.token("agent", AGENT_SECRET, "grant_type", "refresh_token", "refresh_token", rt)
                .refreshToken().orElseThrow();
        assertError(() -> exchange(rt, REFRESH), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(next, REFRESH), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenRefreshTokenOfAnotherClientThenInvalidRequest() {
        String othersRt = x.idp.signIn("other", OTHER_SECRET).refreshToken().orElseThrow();
        assertError(() -> exchange(othersRt, REFRESH), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenIdTokenAudienceIsAnotherClientThenInvalidRequest() {
        // ID-JAG §4.3.3: the ID token's aud MUST match the authenticated client
        String othersIdToken = x.idp.signIn("other", OTHER_SECRET).idToken().orElseThrow();
        OAuthException e = assertError(() -> exchange(othersIdToken, ID_TOKEN), OAuthError.INVALID_REQUEST);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
    }

    @Test
    void handleWhenDeclaredTypeIsNotTheTokensThenInvalidRequest() {
        // an RT sent as access_token; an ID token sent as access_token; an AT sent as id_token; and more
        String rt = signIn.refreshToken().orElseThrow();
        assertError(() -> exchange(rt, ACCESS), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(idToken, ACCESS), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(signIn.accessToken(), ID_TOKEN), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(idToken, REFRESH), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(rt, ID_TOKEN), OAuthError.INVALID_REQUEST);
        String anIdJag = exchange(p -> { }).accessToken();
        assertError(() -> exchange(anIdJag, ID_TOKEN), OAuthError.INVALID_REQUEST);
        String logoutToken = x.idp.keys.sign("logout+jwt", idJag(exchange(p -> { })).toJson().toString());
        assertError(() -> exchange(logoutToken, ACCESS), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(logoutToken, ID_TOKEN), OAuthError.INVALID_REQUEST);
        assertError(() -> exchange(idToken, TokenTypeUri.SAML2.value()), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenSubjectTokenOversizedThenInvalidRequestAndNothingIssued() {
        // 8 KB above the 4 KB cap (the request parser's cap), and just above the 4 KB cap (the handler's)
        String huge = idToken + "." + "A".repeat(12 * 1024);
        OAuthException e = assertError(() -> exchange(huge, ID_TOKEN), OAuthError.INVALID_REQUEST);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
        String large = "A".repeat(4097);
        e = assertError(() -> exchange(large, ID_TOKEN), OAuthError.INVALID_REQUEST);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
    }

    @Test
    void handleWhenSubjectTokenTypeOrTokenMissingThenInvalidRequest() {
        // RFC 8693 §2.1, both REQUIRED
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("subject_token_type"));
        refused(OAuthError.INVALID_REQUEST, p -> {
            p.remove("subject_token_type");
            p.remove("subject_token");
        });
    }

    @Test
    void handleWhenSubjectTokenExpiredRevokedMalformedOrForeignThenInvalidRequest() {
        // RFC 8693 §2.2.2 invalid_request (documented choice, not invalid_grant)
        assertError(() -> exchange("not-a-token", ID_TOKEN), OAuthError.INVALID_REQUEST);
        SigningKeys foreign = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(), x.clock);
        String foreignIdToken = foreign.sign("JWT", x.idp.keys.verify(idToken).orElseThrow().payload());
        assertError(() -> exchange(foreignIdToken, ID_TOKEN), OAuthError.INVALID_REQUEST);
        String otherIssuer = x.idp.keys.sign("JWT", x.idp.keys.verify(idToken).orElseThrow().payload()
                .replace(IDP, "https://evil.example.test"));
        assertError(() -> exchange(otherIssuer, ID_TOKEN), OAuthError.INVALID_REQUEST);
        String rt = signIn.refreshToken().orElseThrow();
        x.idp.refreshTokens.revokeAll("u-alice", "agent");
        assertError(() -> exchange(rt, REFRESH), OAuthError.INVALID_REQUEST);
        x.clock.advance(Duration.ofMinutes(5));
        assertError(() -> exchange(idToken, ID_TOKEN), OAuthError.INVALID_REQUEST);
    }

    @Test
    void handleWhenAudienceOrResourceNotPermittedThenInvalidTarget() {
        // audience and resource outside the policy; a relative resource, a resource with a fragment
        refused(OAuthError.INVALID_TARGET, p -> p.put("audience", List.of("https://admin.example.test")));
        refused(OAuthError.INVALID_TARGET, p -> p.put("resource", List.of("https://admin.example.test/api")));
        refused(OAuthError.INVALID_TARGET, p -> p.put("resource", List.of("/relative")));
        refused(OAuthError.INVALID_TARGET, p -> p.put("resource", List.of("https://rs.example.test/api#frag")));
    }

    @Test
    void handleWhenClientHasNoPolicyRuleThenInvalidTarget() {
        // policy refusal: "other" may not reach the resource authorization server at all
        String othersIdToken = x.idp.signIn("other", OTHER_SECRET).idToken().orElseThrow();
        assertError(() -> x.idp.token("other", OTHER_SECRET, request(othersIdToken, ID_TOKEN, p -> { })),
                OAuthError.INVALID_TARGET);
    }

    @Test
    void handleWhenAudienceMissingTwiceOrThisServerThenRefused() {
        // ID-JAG §4.3: audience REQUIRED; one authorization server; §8.3 not this server itself
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("audience"));
        refused(OAuthError.INVALID_TARGET, p -> p.put("audience", List.of(AS, "https://as2.example.test")));
        refused(OAuthError.INVALID_TARGET, p -> p.put("audience", List.of(IDP)));
    }

    @Test
    void handleWhenResourceMissingThenInvalidRequest() {
        // MCP enterprise-managed authorization: resource is REQUIRED
        OAuthException e = refused(OAuthError.INVALID_REQUEST, p -> p.remove("resource"));
        assertThat(e.error().description()).contains("Missing parameter resource");
    }

    @Test
    void handleWhenRequestedTokenTypeNotIdJagThenInvalidRequest() {
        OAuthException e = refused(OAuthError.INVALID_REQUEST, p -> p.put("requested_token_type", List.of(ACCESS)));
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("requested_token_type"));
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("requested_token_type"));
    }

    @Test
    void handleWhenActorTokenThenInvalidRequest() {
        refused(OAuthError.INVALID_REQUEST, p -> {
            p.put("actor_token", List.of(idToken));
            p.put("actor_token_type", List.of(ID_TOKEN));
        });
    }

    @Test
    void handleWhenPublicClientThenUnauthorizedClient() {
        // ID-JAG §8.1: confidential clients only
        assertError(() -> x.idp.tokenEndpoint().token(new ClientAuthenticationInput(
                Optional.empty(), request(idToken, ID_TOKEN, p -> p.put("client_id", List.of("agent-public"))),
                false, "")), OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void handleWhenClientMayNotExchangeThenUnauthorizedClient() {
        // TX-07: only clients granted token exchange may use it
        x.idp.clients.register(RegisteredClient.builder("agent")
                .secret(ClientAuthMethod.CLIENT_SECRET_BASIC,
                        ClientSecrets.hash(AGENT_SECRET))
                .redirectUris(CrossAppAccess.CB).grantTypes(GrantType.AUTHORIZATION_CODE).build());
        refused(OAuthError.UNAUTHORIZED_CLIENT, p -> { });
    }

    @Test
    void handleWhenSubjectTokenExpiresSoonerThenIdJagExpiresWithIt() {
        // TX-07: the issued token lives no longer than the subject token (ID token: 300 s, 200 s left)
        x.clock.advance(Duration.ofSeconds(100));
        AccessTokenResponse r = exchange(p -> { });
        assertThat(r.expiresIn()).contains(200L);
        assertThat(idJag(r).exp()).isEqualTo(x.idp.keys.verify(idToken).map(VerifiedJws::payload)
                .flatMap(json -> IdTokenClaims.parse(json).toOptional()).orElseThrow().exp());
    }

    @Test
    void handleWhenPolicyGrantsMoreThanRequestedThenRefusedToIssue() {
        x.idp.policy = request -> new IdJagDecision.Granted("agent-at-as", List.of(RS,
                new ResourceIndicator("https://other.example.test/api")), Scope.of());
        assertThatThrownBy(() -> exchange(p -> { })).isInstanceOf(IllegalStateException.class);
        x.idp.policy = request -> new IdJagDecision.Granted("agent-at-as", List.of(RS), Scope.of("admin"));
        assertThatThrownBy(() -> exchange(p -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handleWhenPolicyIsGivenTheValidatedSubjectAndRequest() {
        List<IdJagRequest> seen = new ArrayList<>();
        x.idp.policy = request -> {
            seen.add(request);
            return new IdJagDecision.Refused(IdJagDecision.Reason.AUDIENCE);
        };
        refused(OAuthError.INVALID_TARGET, p -> { });
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.client().clientId()).isEqualTo("agent");
            assertThat(r.subject()).isEqualTo("u-alice");
            assertThat(r.audience()).isEqualTo(AS);
            assertThat(r.resources()).containsExactly(RS);
            assertThat(r.scope()).contains(Scope.of("items:read"));
        });
    }

    @Test
    void handleWhenRefreshTokenConsentWithdrawnThenInvalidRequest() {
        // ID-JAG §4.3.3: a refresh token is validated as for its grant: still within its authorized context
        String rt = signIn.refreshToken().orElseThrow();
        assertThat(x.idp.consents.withdraw("u-alice", "agent")).isTrue();
        OAuthException e = assertError(() -> exchange(rt, REFRESH), OAuthError.INVALID_REQUEST);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
    }

    @Test
    void handleWhenIdTokenHasSeveralAudiencesThenAzpMustNameTheClient() {
        // ID-JAG §4.3.3: the identity assertion's audience MUST match the client; OIDC Core §2: azp with several
        String payload = x.idp.keys.verify(idToken).orElseThrow().payload();
        String twoAudiences = x.idp.keys.sign("JWT", payload.replace("\"aud\":\"agent\"",
                "\"aud\":[\"agent\",\"other\"]"));
        assertThat(payload).contains("\"aud\":\"agent\"");
        assertError(() -> exchange(twoAudiences, ID_TOKEN), OAuthError.INVALID_REQUEST);
        String withAzp = x.idp.keys.sign("JWT", payload.replace("\"aud\":\"agent\"",
                "\"aud\":[\"agent\",\"other\"],\"azp\":\"agent\""));
        assertThat(idJag(exchange(withAzp, ID_TOKEN)).sub()).isEqualTo("u-alice");
        String azpOther = x.idp.keys.sign("JWT", payload.replace("\"aud\":\"agent\"",
                "\"aud\":[\"agent\",\"other\"],\"azp\":\"other\""));
        assertError(() -> exchange(azpOther, ID_TOKEN), OAuthError.INVALID_REQUEST);
    }
}
