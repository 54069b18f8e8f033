package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.CrossAppAccess.AGENT_SECRET;
import static dev.lanyard.grants.testing.CrossAppAccess.AS;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP;
import static dev.lanyard.grants.testing.CrossAppAccess.IDP_KEY;
import static dev.lanyard.grants.testing.CrossAppAccess.ITEMS;
import static dev.lanyard.grants.testing.CrossAppAccess.RS;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.idjag.IdJagDecision;
import dev.lanyard.grants.idjag.IdJagRule;
import dev.lanyard.grants.idjag.RuleListIdJagPolicy;
import dev.lanyard.grants.testing.CrossAppAccess;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.claims.IdJagClaims;
import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.JwtBearerGrant;

/**
 * {@code authorization_details} (RFC 9396) through Cross App Access: the IdP's token exchange (ID-JAG §4.3.3, items 9,
 * 10 and 12 of the checklist) and the resource authorization server's JWT bearer grant (§4.4.1, item 22).
 */
class IdJagAuthorizationDetailsTest {

    private static final AuthorizationDetail READ = detail("{\"type\":\"chat_read\",\"actions\":[\"read\"],"
            + "\"locations\":[\"https://api.chat.example/channels\"]}");
    private static final AuthorizationDetail HISTORY = detail("{\"type\":\"chat_history\",\"actions\":[\"read\"],"
            + "\"datatypes\":[\"message\"]}");
    private static final AuthorizationDetail PAYMENT = detail("{\"type\":\"payment_initiation\","
            + "\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"123.50\"}}");

    private final CrossAppAccess x = new CrossAppAccess();
    private final String idToken = x.idp.signIn("agent", AGENT_SECRET).idToken().orElseThrow();

    IdJagAuthorizationDetailsTest() {
        x.idp.policy = new RuleListIdJagPolicy(List.of(new IdJagRule("agent", AS, "agent-at-as", List.of(RS), ITEMS,
                Set.of("chat_read", "chat_history"))));
    }

    private static AuthorizationDetail detail(String json) {
        return new AuthorizationDetail(Json.createReader(new java.io.StringReader(json)).readObject());
    }

    private static String json(AuthorizationDetail... details) {
        return AuthorizationDetails.of(details).toString();
    }

    /** The agent's token exchange for an ID-JAG: the resource, no scope unless {@code change} adds one. */
    private AccessTokenResponse exchange(Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("grant_type", List.of(GrantType.TOKEN_EXCHANGE.value()));
        p.put("requested_token_type", List.of(TokenTypeUri.ID_JAG.value()));
        p.put("audience", List.of(AS));
        p.put("resource", List.of(RS.value()));
        p.put("subject_token", List.of(idToken));
        p.put("subject_token_type", List.of(TokenTypeUri.ID_TOKEN.value()));
        change.accept(p);
        return x.idp.token("agent", AGENT_SECRET, FormParameters.of(p));
    }

    private AccessTokenResponse exchangeDetails(String details) {
        return exchange(p -> p.put("authorization_details", List.of(details)));
    }

    private IdJagClaims idJag(AccessTokenResponse r) {
        return IdJagClaims.parse(x.idp.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow();
    }

    private static List<JsonObject> objects(AuthorizationDetail... details) {
        return AuthorizationDetails.of(details).entries().stream().map(AuthorizationDetail::json).toList();
    }

    private AccessTokenResponse redeem(String idJag, Optional<Scope> scope, Optional<AuthorizationDetails> details) {
        return x.ras.handler().handle(new JwtBearerGrant(idJag, scope, List.of(), details),
                x.ras.client("agent-at-as"));
    }

    private AccessTokenClaims accessToken(AccessTokenResponse r) {
        return AccessTokenClaims.parse(x.ras.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow();
    }

    /** An ID-JAG for {@code agent-at-as}, signed by the IdP, with {@code details} as its claim. */
    private String signedIdJag(Object details) {
        var now = x.now();
        JsonObject claims = Json.createObjectBuilder(IdJagClaims.builder().iss(IDP).sub("u-alice").aud(AS)
                .clientId("agent-at-as").jti(UUID.randomUUID().toString()).iat(now).exp(now.plusSeconds(300))
                .resource(List.of(RS)).scope(ITEMS).build().toJson())
                .add("authorization_details", Json.createReader(new java.io.StringReader(details.toString()))
                        .readValue()).build();
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(IDP_KEY.getKeyID())
                    .type(new JOSEObjectType(IdJagClaims.TYP)).build(), new Payload(claims.toString()));
            jws.sign(new ECDSASigner(IDP_KEY));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- IdP: items 9, 10, 12 ----

    @Test
    void exchangeWhenOnlyAuthorizationDetailsThenIdJagAndResponseCarryThem() {
        // ID-JAG §4.3.3 item 9: authorization_details processed per RFC 9396; item 10: written into the ID-JAG
        AccessTokenResponse r = exchangeDetails(json(READ, HISTORY));
        assertThat(idJag(r).authorizationDetails()).containsExactlyElementsOf(objects(READ, HISTORY));
        // RFC 9396 §7, ID-JAG §4.3.4: the granted authorization details in the response
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(READ, HISTORY));
        assertThat(r.issuedTokenType()).contains(TokenTypeUri.ID_JAG);
        // no scope asked for: the rule's scope, reported
        assertThat(idJag(r).scope()).contains(ITEMS);
    }

    @Test
    void exchangeWhenScopeAndAuthorizationDetailsCombinedThenBothProcessed() {
        // item 9: MUST process both when combined; the scope narrowed, the details granted, both written (item 10)
        AccessTokenResponse r = exchange(p -> {
            p.put("scope", List.of("items:read admin"));
            p.put("authorization_details", List.of(json(HISTORY)));
        });
        IdJagClaims c = idJag(r);
        assertThat(c.scope()).contains(Scope.of("items:read"));
        assertThat(c.authorizationDetails()).containsExactlyElementsOf(objects(HISTORY));
        assertThat(c.resource()).containsExactly(RS);
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(HISTORY));
    }

    @Test
    void exchangeWhenNoAuthorizationDetailsThenNoneInIdJagOrResponse() {
        AccessTokenResponse r = exchange(p -> { });
        assertThat(idJag(r).authorizationDetails()).isEmpty();
        assertThat(r.extensions()).doesNotContainKey("authorization_details");
    }

    @Test
    void exchangeWhenTypeNotAllowedByPolicyThenInvalidAuthorizationDetails() {
        // RFC 9396 §5: an unknown (here: not allowed) type is refused with invalid_authorization_details
        OAuthException e = assertError(() -> exchangeDetails(json(READ, PAYMENT)),
                OAuthError.INVALID_AUTHORIZATION_DETAILS);
        assertThat(e.error().httpStatus()).isEqualTo(400);
        x.idp.policy = new RuleListIdJagPolicy(List.of(new IdJagRule("agent", AS, "agent-at-as", List.of(RS),
                ITEMS)));
        assertError(() -> exchangeDetails(json(READ)), OAuthError.INVALID_AUTHORIZATION_DETAILS);
    }

    @Test
    void exchangeWhenAuthorizationDetailsMalformedThenInvalidAuthorizationDetails() {
        // RFC 9396 §5: not a JSON array of typed objects
        for (String bad : List.of("[{\"actions\":[\"read\"]}]", "{\"type\":\"chat_read\"}", "[{\"type\":\"a\"}",
                "[{\"type\":\"chat_read\",\"actions\":\"read\"}]")) {
            assertError(() -> exchangeDetails(bad), OAuthError.INVALID_AUTHORIZATION_DETAILS);
        }
    }

    @Test
    void exchangeWhenPolicyGrantsSubsetThenReductionReflectedInIdJagAndResponse() {
        // item 9: MAY grant a subset; item 10 and §4.3.4: the reduction is written and returned
        x.idp.policy = request -> new IdJagDecision.Granted("agent-at-as", request.resources(), ITEMS,
                AuthorizationDetails.of(request.authorizationDetails().orElseThrow().entries().get(0)));
        AccessTokenResponse r = exchangeDetails(json(READ, HISTORY));
        assertThat(idJag(r).authorizationDetails()).containsExactlyElementsOf(objects(READ));
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(READ));
    }

    @Test
    void exchangeWhenPolicyGrantsNoneOrMoreThanAskedThenRefused() {
        x.idp.policy = request -> new IdJagDecision.Granted("agent-at-as", request.resources(), ITEMS);
        assertError(() -> exchangeDetails(json(READ)), OAuthError.INVALID_AUTHORIZATION_DETAILS);
        // a policy only narrows: details not asked for are never issued
        x.idp.policy = request -> new IdJagDecision.Granted("agent-at-as", request.resources(), ITEMS,
                AuthorizationDetails.of(PAYMENT));
        assertThatThrownBy(() -> exchangeDetails(json(READ))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> exchange(p -> { })).isInstanceOf(IllegalStateException.class);
    }

    // ---- Resource authorization server: item 22 ----

    @Test
    void redeemWhenIdJagDetailsOfSupportedTypesThenAccessTokenClaimAndResponse() {
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_read", "chat_history"));
        String idJag = exchangeDetails(json(READ, HISTORY)).accessToken();
        AccessTokenResponse r = redeem(idJag, Optional.empty(), Optional.empty());
        // RFC 9396 §7: the token response; §9.1: the JWT access token's claim
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(READ, HISTORY));
        assertThat(accessToken(r).extensions().get("authorization_details"))
                .isEqualTo(AuthorizationDetails.of(READ, HISTORY).toJson());
        assertThat(r.scope()).contains(ITEMS);
    }

    @Test
    void redeemWhenIdJagHasTypeNotSupportedHereThenSubsetGranted() {
        // §4.4.1: MAY grant a subset: entries of a type this server does not know are dropped
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_history"));
        AccessTokenResponse r = redeem(exchangeDetails(json(READ, HISTORY)).accessToken(), Optional.empty(),
                Optional.empty());
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(HISTORY));
        assertThat(accessToken(r).extensions().get("authorization_details"))
                .isEqualTo(AuthorizationDetails.of(HISTORY).toJson());
    }

    @Test
    void redeemWhenNoTypeSupportedThenNoAuthorizationDetailsInTokenOrResponse() {
        AccessTokenResponse r = redeem(exchangeDetails(json(READ)).accessToken(), Optional.empty(), Optional.empty());
        assertThat(r.extensions()).doesNotContainKey("authorization_details");
        assertThat(accessToken(r).extensions()).doesNotContainKey("authorization_details");
        assertThat(r.scope()).contains(ITEMS);
    }

    @Test
    void redeemWhenScopeAndAuthorizationDetailsRequestedTogetherThenBothNarrowed() {
        // item 22: MUST handle combinations; the response returns the granted resource, scope and details
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_read", "chat_history"));
        String idJag = exchangeDetails(json(READ, HISTORY)).accessToken();
        AccessTokenResponse r = redeem(idJag, Optional.of(Scope.of("items:write")),
                Optional.of(AuthorizationDetails.of(READ)));
        assertThat(r.scope()).contains(Scope.of("items:write"));
        assertThat(r.authorizationDetails()).contains(AuthorizationDetails.of(READ));
        assertThat(r.extensions().get("resource")).isEqualTo(Json.createValue(RS.value()));
        AccessTokenClaims at = accessToken(r);
        assertThat(at.scope()).contains(Scope.of("items:write"));
        assertThat(at.aud()).containsExactly(RS.value());
        assertThat(at.extensions().get("authorization_details")).isEqualTo(AuthorizationDetails.of(READ).toJson());
    }

    @Test
    void redeemWhenRequestedDetailsUnknownOrNotInIdJagThenInvalidAuthorizationDetails() {
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_read", "chat_history"));
        // RFC 9396 §5: a type this server does not know
        String first = exchangeDetails(json(READ)).accessToken();
        assertError(() -> redeem(first, Optional.empty(), Optional.of(AuthorizationDetails.of(PAYMENT))),
                OAuthError.INVALID_AUTHORIZATION_DETAILS);
        // §4.4.1: never beyond the ID-JAG: a known type, but not what the ID-JAG grants (one-time use not burnt)
        assertError(() -> redeem(first, Optional.empty(), Optional.of(AuthorizationDetails.of(HISTORY))),
                OAuthError.INVALID_AUTHORIZATION_DETAILS);
        AuthorizationDetail wider = detail("{\"type\":\"chat_read\",\"actions\":[\"read\",\"write\"],"
                + "\"locations\":[\"https://api.chat.example/channels\"]}");
        assertError(() -> redeem(first, Optional.empty(), Optional.of(AuthorizationDetails.of(wider))),
                OAuthError.INVALID_AUTHORIZATION_DETAILS);
        assertThat(redeem(first, Optional.empty(), Optional.of(AuthorizationDetails.of(READ)))
                .authorizationDetails()).contains(AuthorizationDetails.of(READ));
    }

    @Test
    void redeemWhenIdJagAuthorizationDetailsMalformedThenInvalidGrant() {
        x.ras.idJag = x.ras.idJag.withAuthorizationDetailTypes(Set.of("chat_read"));
        OAuthException e = assertError(() -> redeem(signedIdJag("[{\"type\":\"chat_read\",\"actions\":\"read\"}]"),
                Optional.empty(), Optional.empty()), OAuthError.INVALID_GRANT);
        assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).contains("authorization_details"));
        assertThat(redeem(signedIdJag(json(READ, PAYMENT)), Optional.empty(), Optional.empty())
                .authorizationDetails()).contains(AuthorizationDetails.of(READ));
    }
}
