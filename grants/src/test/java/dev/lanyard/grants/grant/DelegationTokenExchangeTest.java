package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static dev.lanyard.grants.testing.TestServer.RS;
import static dev.lanyard.grants.testing.TestServer.RS2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.AccessTokens;
import dev.lanyard.grants.testing.Forms;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;

/** The delegation token exchange (RFC 8693) for access tokens, and the TX cases of the attack catalogue. */
class DelegationTokenExchangeTest {

    private static final Scope ITEMS = Scope.of("items:read", "items:write");

    private static final String TX1_SECRET = "tx1-secret-0123456789abcdefghijklmnopqrstuvw";
    private static final String ACCESS = TokenTypeUri.ACCESS_TOKEN.value();
    private static final String ID_TOKEN = TokenTypeUri.ID_TOKEN.value();
    private static final String REFRESH = TokenTypeUri.REFRESH_TOKEN.value();

    private final TestServer s = TestServer.inMemory();
    private final AtomicInteger issued = new AtomicInteger();
    private final AccessTokenIssuer counting = new AccessTokenIssuer(s.settings, s.keys,
            List.of(c -> issued.incrementAndGet()), s.clock);
    private final TokenEndpointService endpoint;
    /** alice's token, obtained by pub1 for RS with items:read items:write. */
    private final String subject;
    /** tx1's own token (client credentials). */
    private final String actor;

    DelegationTokenExchangeTest() {
        // fixture tx1: confidential, allowed the token-exchange grant, permitted audience only RS, 4 KB cap
        s.clients.register(RegisteredClient.builder("tx1")
                .secret(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientSecrets.hash(TX1_SECRET))
                .grantTypes(GrantType.TOKEN_EXCHANGE, GrantType.CLIENT_CREDENTIALS).scope(ITEMS)
                .build());
        s.clients.register(RegisteredClient.builder("txpub").publicClient().redirectUris("https://p.example.test/cb")
                .grantTypes(GrantType.TOKEN_EXCHANGE).scope(ITEMS).build());
        TokenExchangeSettings settings = TokenExchangeSettings.defaults().permit("tx1", List.of(RS.value()))
                .permit("txpub", List.of(RS.value())).permit("conf1", List.of(RS.value()));
        endpoint = new TokenEndpointService(s.authenticator, new GrantRegistry(List.of(TokenExchangeGrantHandler
                .delegation(new DelegationTokenExchange(s.keys, s.revoked, counting, s.settings, settings,
                        s.clock)))));
        subject = s.issuer.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice", List.of(RS),
                Optional.of(ITEMS), Optional.of(s.clock.instant().minusSeconds(30)))).value();
        actor = s.issuer.issue(new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, "tx1", "tx1", List.of(RS),
                Optional.empty(), Optional.empty())).value();
    }

    private FormParameters form(Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("grant_type", List.of(GrantType.TOKEN_EXCHANGE.value()));
        p.put("requested_token_type", List.of(ACCESS));
        p.put("subject_token", List.of(subject));
        p.put("subject_token_type", List.of(ACCESS));
        p.put("actor_token", List.of(actor));
        p.put("actor_token_type", List.of(ACCESS));
        p.put("audience", List.of(RS.value()));
        change.accept(p);
        return FormParameters.of(p);
    }

    private AccessTokenResponse exchange(Consumer<Map<String, List<String>>> change) {
        return endpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic("tx1", TX1_SECRET)),
                form(change), false, "192.0.2.1"));
    }

    private OAuthException refused(OAuthError expected, Consumer<Map<String, List<String>>> change) {
        int before = issued.get();
        OAuthException e = assertError(() -> exchange(change), expected);
        assertThat(issued.get()).as("no token issued").isEqualTo(before);
        return e;
    }

    private AccessTokenClaims claims(AccessTokenResponse r) {
        return AccessTokens.read(r.accessToken(), s.keys, s.settings).orElseThrow();
    }

    @Test
    void exchangeWhenDelegationWithActorThenAccessTokenWithAct() {
        // the positive control of RFC 8693 §2.2.1 and §4.1
        s.clock.advance(Duration.ofSeconds(100));
        AccessTokenResponse r = exchange(p -> { });
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ACCESS_TOKEN);
        assertThat(r.tokenType()).isEqualTo("Bearer");
        assertThat(r.refreshToken()).isEmpty();
        // the subject token was issued at T0 for 300 s: 200 s are left
        assertThat(r.expiresIn()).hasValueSatisfying(e -> assertThat(e).isPositive().isLessThanOrEqualTo(200L));
        AccessTokenClaims c = claims(r);
        assertThat(c.act()).contains(Json.createObjectBuilder().add("sub", "tx1").build());
        assertThat(c.sub()).isEqualTo("u-alice");
        assertThat(c.clientId()).isEqualTo("tx1");
        assertThat(c.aud()).containsExactly(RS.value());
        assertThat(c.scope()).contains(ITEMS);
        assertThat(c.exp()).isLessThanOrEqualTo(AccessTokens.read(subject, s.keys, s.settings).orElseThrow().exp());
        assertThat(c.authTime()).isPresent();
        assertThat(r.scope()).contains(ITEMS);
        assertThat(issued.get()).isEqualTo(1);
    }

    @Test
    void exchangeWhenAuthorizationDetailsThenInvalidAuthorizationDetailsAndNothingIssued() {
        // RFC 9396 §5: this exchange knows no authorization details type: refused, never silently dropped
        refused(OAuthError.INVALID_AUTHORIZATION_DETAILS,
                p -> p.put("authorization_details", List.of("[{\"type\":\"items\"}]")));
    }

    @Test
    void exchangeWhenSubjectAlreadyDelegatedThenActNested() {
        // RFC 8693 §4.1: the prior actor nests inside the current one
        AccessTokenResponse first = exchange(p -> { });
        AccessTokenResponse second = exchange(p -> p.put("subject_token", List.of(first.accessToken())));
        JsonObject act = claims(second).act().orElseThrow();
        assertThat(act.getString("sub")).isEqualTo("tx1");
        assertThat(act.getJsonObject("act")).isEqualTo(Json.createObjectBuilder().add("sub", "tx1").build());
    }

    @Test
    void exchangeWhenNoActorThenImpersonationWithoutNewActButPriorActKept() {
        // RFC 8693 §1.1: without an actor token the exchange is impersonation: no act is added
        AccessTokenResponse plain = exchange(p -> {
            p.remove("actor_token");
            p.remove("actor_token_type");
        });
        assertThat(claims(plain).act()).isEmpty();
        assertThat(claims(plain).sub()).isEqualTo("u-alice");
        // but a delegation chain already in the subject token is never dropped
        String delegated = exchange(p -> { }).accessToken();
        AccessTokenResponse again = exchange(p -> {
            p.put("subject_token", List.of(delegated));
            p.remove("actor_token");
            p.remove("actor_token_type");
        });
        assertThat(claims(again).act()).contains(Json.createObjectBuilder().add("sub", "tx1").build());
    }

    @Test
    void exchangeWhenRequestedTokenTypeAbsentThenAccessToken() {
        AccessTokenResponse r = exchange(p -> p.remove("requested_token_type"));
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ACCESS_TOKEN);
    }

    @Test
    void exchangeWhenScopeNarrowedThenGrantedAndBeyondSubjectRefused() {
        AccessTokenResponse r = exchange(p -> p.put("scope", List.of("items:read")));
        assertThat(claims(r).scope()).contains(Scope.of("items:read"));
        assertThat(r.scope()).contains(Scope.of("items:read"));
        // scope ⊆ subject token scope
        refused(OAuthError.INVALID_SCOPE, p -> p.put("scope", List.of("items:read admin")));
    }

    @Test
    void exchangeWhenDeclaredTypeMismatchThenInvalidRequest() {
        // an RT sent as access_token; an ID token sent as access_token; an AT sent as id_token
        String code = s.authorize("conf1", "https://conf.example.test/cb?tenant=1", Optional.empty(),
                Scope.of("openid", "items:read"), List.of(RS));
        AccessTokenResponse signIn = s.tokenBasic("conf1", TestClients.S1, "grant_type", "authorization_code", "code",
                code, "redirect_uri", "https://conf.example.test/cb?tenant=1");
        String rt = signIn.refreshToken().orElseThrow();
        String idToken = signIn.idToken().orElseThrow();
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(rt)));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(idToken)));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token_type", List.of(ID_TOKEN)));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token_type", List.of(REFRESH)));
        String logoutToken = s.keys.sign("logout+jwt", claims(exchange(p -> { })).toJson().toString());
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(logoutToken)));
        // and the actor token is held to the same rule
        refused(OAuthError.INVALID_REQUEST, p -> p.put("actor_token", List.of(idToken)));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("actor_token_type", List.of(ID_TOKEN)));
    }

    @Test
    void exchangeWhenSubjectTokenOversizedThenInvalidRequestAndNothingIssued() {
        // a valid token 8 KB above the 4 KB cap (the parser's 8 KB cap), and one just above 4 KB (the grant's)
        AccessTokenIssuer padding = new AccessTokenIssuer(s.settings, s.keys, List.of(c -> c.claim("pad",
                Json.createValue("x".repeat(12 * 1024)))), s.clock);
        String huge = padding.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice",
                List.of(RS), Optional.of(ITEMS), Optional.empty())).value();
        OAuthException e = refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(huge)));
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
        AccessTokenIssuer some = new AccessTokenIssuer(s.settings, s.keys, List.of(c -> c.claim("pad",
                Json.createValue("x".repeat(3 * 1024)))), s.clock);
        String large = some.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice",
                List.of(RS), Optional.of(ITEMS), Optional.empty())).value();
        assertThat(large.length()).isBetween(4097, 8192);
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(large)));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("actor_token", List.of(large)));
        // no client-credentials-style fallback either: the same request without tokens is no grant at all
        refused(OAuthError.INVALID_REQUEST, p -> {
            p.remove("subject_token");
            p.remove("subject_token_type");
        });
        assertThat(issued.get()).isZero();
    }

    @Test
    void exchangeWhenSubjectTokenOrItsTypeMissingThenInvalidRequest() {
        // RFC 8693 §2.1, both REQUIRED
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("subject_token_type"));
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("subject_token"));
        refused(OAuthError.INVALID_REQUEST, p -> {
            p.remove("subject_token");
            p.remove("subject_token_type");
        });
        // RFC 8693 §2.1: actor_token_type exactly when actor_token
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("actor_token_type"));
        refused(OAuthError.INVALID_REQUEST, p -> p.remove("actor_token"));
    }

    @Test
    void exchangeWhenSubjectTokenExpiredRevokedMalformedOrUntrustedThenInvalidRequest() {
        // RFC 8693 §2.2.2 invalid_request (the documented choice; not invalid_grant)
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of("not-a-token")));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(subject.substring(0,
                subject.length() - 4) + "AAAA")));
        TestServer other = TestServer.inMemory();
        String foreign = other.issuer.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice",
                List.of(RS), Optional.of(ITEMS), Optional.empty())).value();
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(foreign)));
        String otherIssuer = s.keys.sign("at+jwt", claims(exchange(p -> { })).toJson().toString()
                .replace(TestClients.ISS, "https://evil.example.test"));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(otherIssuer)));
        s.revoked.revoke(AccessTokens.read(subject, s.keys, s.settings).orElseThrow().jti(), s.clock.instant()
                .plusSeconds(300));
        refused(OAuthError.INVALID_REQUEST, p -> { });
        String fresh = s.issuer.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice",
                List.of(RS), Optional.of(ITEMS), Optional.empty())).value();
        s.clock.advance(Duration.ofSeconds(300));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(fresh)));
    }

    @Test
    void exchangeWhenTargetNotPermittedRelativeOrFragmentThenInvalidTarget() {
        // neither permitted for tx1; a relative resource; a resource with a fragment
        refused(OAuthError.INVALID_TARGET, p -> p.put("audience", List.of("https://admin.example.test")));
        refused(OAuthError.INVALID_TARGET, p -> {
            p.remove("audience");
            p.put("resource", List.of("https://admin.example.test/api"));
        });
        refused(OAuthError.INVALID_TARGET, p -> p.put("resource", List.of("/relative")));
        refused(OAuthError.INVALID_TARGET, p -> p.put("resource", List.of("https://rs.example.test/api#frag")));
        // served by this server, but not permitted for tx1
        refused(OAuthError.INVALID_TARGET, p -> p.put("audience", List.of(RS2.value())));
    }

    @Test
    void exchangeWhenNoTargetThenTheClientsOnlyPermittedTarget() {
        AccessTokenResponse r = exchange(p -> p.remove("audience"));
        assertThat(claims(r).aud()).containsExactly(RS.value());
        r = exchange(p -> {
            p.remove("audience");
            p.put("resource", List.of(RS.value()));
        });
        assertThat(claims(r).aud()).containsExactly(RS.value());
    }

    @Test
    void exchangeWhenSubjectTokenOfAnotherClientForAnotherAudienceThenInvalidRequest() {
        // TX-07 (GHSA-vrh8-c9cm-wh8v), RFC 8693 §2.2.2: a subject token unacceptable by policy is invalid_request:
        // another client's token for a resource that is none of tx1's targets is not tx1's to exchange
        String elsewhere = s.issuer.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice",
                List.of(RS2), Optional.of(ITEMS), Optional.empty())).value();
        OAuthException e = refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(elsewhere)));
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("subject_token"));
        // a token issued to tx1 itself is its own, whatever its audience
        String own = s.issuer.issue(new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, "tx1", "tx1",
                List.of(RS2), Optional.empty(), Optional.empty())).value();
        assertThat(claims(exchange(p -> p.put("subject_token", List.of(own)))).aud()).containsExactly(RS.value());
    }

    @Test
    void exchangeWhenSubjectTokenMayActForAnotherPartyThenInvalidRequest() {
        // RFC 8693 §4.4: may_act names who may act for the subject; TX-06: another actor, or none, is refused
        String forTx1 = mayAct(Json.createObjectBuilder().add("sub", "tx1").build());
        assertThat(claims(exchange(p -> p.put("subject_token", List.of(forTx1)))).act())
                .contains(Json.createObjectBuilder().add("sub", "tx1").build());
        String forTx1AtThisIssuer = mayAct(Json.createObjectBuilder().add("sub", "tx1").add("iss", TestClients.ISS)
                .build());
        assertThat(exchange(p -> p.put("subject_token", List.of(forTx1AtThisIssuer))).accessToken()).isNotEmpty();
        String forAdmin = mayAct(Json.createObjectBuilder().add("sub", "admin@example.test").build());
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(forAdmin)));
        String forTx1Elsewhere = mayAct(Json.createObjectBuilder().add("sub", "tx1")
                .add("iss", "https://other.example.test").build());
        refused(OAuthError.INVALID_REQUEST, p -> p.put("subject_token", List.of(forTx1Elsewhere)));
        refused(OAuthError.INVALID_REQUEST, p -> {
            p.put("subject_token", List.of(forTx1));
            p.remove("actor_token");
            p.remove("actor_token_type");
        });
    }

    private String mayAct(JsonObject mayAct) {
        AccessTokenIssuer withMayAct = new AccessTokenIssuer(s.settings, s.keys, List.of(c -> c.claim("may_act",
                mayAct)), s.clock);
        return withMayAct.issue(new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice", List.of(RS),
                Optional.of(ITEMS), Optional.empty())).value();
    }

    @Test
    void exchangeWhenActorTokenOfAnotherClientThenInvalidRequest() {
        // the actor is the authenticated client: another party's token is not its own
        String others = s.issuer.issue(new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, "cc1", "cc1",
                List.of(RS), Optional.empty(), Optional.empty())).value();
        refused(OAuthError.INVALID_REQUEST, p -> p.put("actor_token", List.of(others)));
    }

    @Test
    void exchangeWhenPublicClientOrClientNotRegisteredForTheGrantThenUnauthorizedClient() {
        // TX-07: public clients refused; only clients registered for token exchange may use it
        assertError(() -> endpoint.token(ClientAuthenticationInput.ofForm(form(p -> p.put("client_id",
                List.of("txpub"))))), OAuthError.UNAUTHORIZED_CLIENT);
        assertError(() -> endpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic("conf1",
                TestClients.S1)), form(p -> { }), false, "192.0.2.1")), OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(issued.get()).isZero();
    }

    @Test
    void exchangeWhenIdJagRequestedButNotConfiguredThenInvalidRequest() {
        refused(OAuthError.INVALID_REQUEST, p -> p.put("requested_token_type",
                List.of(TokenTypeUri.ID_JAG.value())));
        refused(OAuthError.INVALID_REQUEST, p -> p.put("requested_token_type",
                List.of(TokenTypeUri.REFRESH_TOKEN.value())));
    }

    @Test
    void settingsRefuseANonPositiveCap() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TokenExchangeSettings.defaults()
                .withMaxSubjectTokenLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenExchangeSettings.defaults().targets("tx1")).isEmpty();
        assertThat(new ResourceIndicator(RS.value())).isEqualTo(RS);
    }
}
