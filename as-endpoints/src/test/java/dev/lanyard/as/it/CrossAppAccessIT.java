package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.approve;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.auth.SafeJwksFetcher;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.dpop.DpopKey;
import dev.lanyard.grants.dpop.DpopProofVerifier;
import dev.lanyard.grants.grant.GrantRegistry;
import dev.lanyard.grants.grant.TokenRequestContext;
import dev.lanyard.grants.grant.JwtBearerGrantHandler;
import dev.lanyard.grants.grant.TokenEndpointService;
import dev.lanyard.grants.idjag.DiscoveredIdentityProviders;
import dev.lanyard.grants.idjag.IdJagSettings;
import dev.lanyard.grants.idjag.SubjectMapper;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * Cross App Access with the enterprise IdP on a real Open Liberty (OpenID Provider and ID-JAG issuer) and the MCP
 * server's authorization server in the test, built from the grants module as an application would: it trusts the
 * Liberty IdP by issuer and finds its keys through its metadata and JWK set, fetched over HTTP on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class CrossAppAccessIT {

    static final String RAS = "https://ras.example.test";
    static final ResourceIndicator RAS_API = new ResourceIndicator(RAS + "/api");
    static final String AGENT_SECRET = "agent-secret-0123456789-abcdefghijklmnop";
    static final String AGENT_AT_RAS_SECRET = "agent-at-ras-secret-0123456789-abcdefghij";
    static final String CB = "https://agent.example.test/cb";
    static final String EXCHANGE = GrantType.TOKEN_EXCHANGE.value();
    static final String TX1_SECRET = "tx1-secret-0123456789-abcdefghijklmnopqrs";
    static final String ACCESS = TokenTypeUri.ACCESS_TOKEN.value();
    static final URI TOKEN = URI.create(ISSUER + "/token");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-xaa-it", false, List.of(
                "lanyard.as.clients=pub1,pub2,conf1,conf2,multi,cc1,brute,boom,pkj1,agent,agent-pub,tx1",
                // RFC 8693 delegation: tx1 may exchange access tokens for the one resource only (fixture tx1)
                "lanyard.as.token-exchange.enabled=true",
                "lanyard.as.client.tx1.secret-hash=" + ClientSecrets.hash(TX1_SECRET),
                "lanyard.as.client.tx1.grant-types=client_credentials," + EXCHANGE,
                "lanyard.as.client.tx1.token-exchange.targets=" + TestDeployment.RS,
                "lanyard.as.client.agent.secret-hash=" + ClientSecrets.hash(AGENT_SECRET),
                "lanyard.as.client.agent.redirect-uris=" + CB,
                "lanyard.as.client.agent.scopes=openid items:read",
                "lanyard.as.client.agent.grant-types=authorization_code,refresh_token," + EXCHANGE + ","
                        + GrantType.JWT_BEARER.value(),
                "lanyard.as.client.agent-pub.redirect-uris=" + CB,
                "lanyard.as.client.agent-pub.scopes=openid items:read",
                "lanyard.as.client.agent-pub.grant-types=authorization_code," + EXCHANGE,
                "lanyard.idp.enabled=true",
                "lanyard.idp.id-jag.enabled=true",
                "lanyard.idp.id-jag.rules=agent",
                "lanyard.idp.id-jag.rule.agent.client-id=agent",
                "lanyard.idp.id-jag.rule.agent.audience=" + RAS,
                "lanyard.idp.id-jag.rule.agent.client-id-at-audience=agent-at-ras",
                "lanyard.idp.id-jag.rule.agent.resources=" + RAS_API.value(),
                "lanyard.idp.id-jag.rule.agent.scope=items:read items:write",
                // RFC 9396: the authorization details types the agent may ask the IdP for
                "lanyard.idp.id-jag.rule.agent.authorization-detail-types=chat_read,chat_history",
                // the resource role too, trusting another IdP: its metadata is checked, its issuer never published
                "lanyard.as.id-jag.enabled=true",
                "lanyard.as.id-jag.ack=" + Specs.ID_JAG,
                "lanyard.as.id-jag.trusted-issuers=https://secret-idp.example.test",
                "lanyard.as.id-jag.authorization-detail-types=tickets"));
    }

    /** The resource authorization server, in the test: it trusts the Liberty IdP. */
    static final class ResourceAs {
        final Clock clock = Clock.systemUTC();
        final SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true));
        final GrantSettings settings = GrantSettings.defaults(RAS).withResources(List.of(RAS_API), Optional.empty());
        final SigningKeys keys = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(), clock);
        final InMemoryClientRegistry clients = new InMemoryClientRegistry(List.of(
                RegisteredClient.builder("agent-at-ras").secret(ClientAuthMethod.CLIENT_SECRET_BASIC,
                        ClientSecrets.hash(AGENT_AT_RAS_SECRET)).grantTypes(GrantType.JWT_BEARER)
                        .scope(Scope.of("items:read", "items:write")).build()));
        final TokenEndpointService tokenEndpoint = new TokenEndpointService(
                new ClientAuthenticator(settings, clients, new InMemoryReplayGuard(100, clock), JwksFetcher.NONE,
                        AuthenticationThrottle.defaults(clock), clock),
                new GrantRegistry(List.of(new JwtBearerGrantHandler(new DiscoveredIdentityProviders(List.of(ISSUER),
                        McpAuthorizationDiscovery.create(fetcher)), new SafeJwksFetcher(fetcher),
                        new InMemoryReplayGuard(100, clock), SubjectMapper.IDENTITY, new AccessTokenIssuer(settings,
                                keys, List.of(), clock), settings,
                        IdJagSettings.defaults().withAuthorizationDetailTypes(Set.of("chat_read")), clock)
                        .withDpop(new DpopProofVerifier(URI.create(RAS + "/token"), new InMemoryReplayGuard(100,
                                clock), DpopProofVerifier.DEFAULT_WINDOW, clock)))));
        /** The protected resource RAS_API, as rs-endpoints validates its callers, trusting this server's keys. */
        final dev.lanyard.rs.token.AccessTokenValidator api = dev.lanyard.rs.token.AccessTokenValidator.create(
                dev.lanyard.rs.ResourceServerSettings.of(RAS_API.value(), List.of(RAS)),
                issuer -> URI.create(RAS + "/jwks"), uri -> keys.publicJwksJson(), clock);

        AccessTokenResponse redeem(String idJag) {
            return redeem(idJag, List.of());
        }

        /** The JWT bearer grant with {@code more} form parameters. */
        AccessTokenResponse redeem(String idJag, String... more) {
            return tokenEndpoint.token(new ClientAuthenticationInput(Optional.of(basic("agent-at-ras",
                    AGENT_AT_RAS_SECRET)), FormParameters.parse(form("grant_type", GrantType.JWT_BEARER.value(),
                    "assertion", idJag) + "&" + form(more)), false, "192.0.2.1"), TokenRequestContext.NONE);
        }

        AccessTokenResponse redeem(String idJag, List<String> dpopProofs) {
            return tokenEndpoint.token(new ClientAuthenticationInput(Optional.of(basic("agent-at-ras",
                    AGENT_AT_RAS_SECRET)), FormParameters.parse(form("grant_type", GrantType.JWT_BEARER.value(),
                    "assertion", idJag)), false, "192.0.2.1"), new TokenRequestContext(dpopProofs));
        }
    }

    /** The OpenID Connect code flow of {@code agent} at the Liberty IdP: its token response. */
    static JsonObject signIn(Browser b) throws Exception {
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> page = b.authorize("/authorize?" + form("response_type", "code", "client_id", "agent",
                "redirect_uri", CB, "code_challenge", verifier.challenge().value(), "code_challenge_method", "S256",
                "state", "s1", "nonce", "n-1", "scope", "openid items:read"));
        // the consent of an earlier test is remembered: then the code comes at once
        HttpResponse<String> back = page.statusCode() == 200 ? approve(b, page) : page;
        assertThat(location(back)).as(page.body()).startsWith(CB + "?");
        String code = query(location(back)).get("code");
        HttpResponse<String> tokens = b.post("/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", CB, "code_verifier", verifier.value()), "Authorization", basic("agent", AGENT_SECRET));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    static HttpResponse<String> exchange(Browser b, String idToken, String audience, String... auth)
            throws Exception {
        return b.post("/token", form("grant_type", EXCHANGE, "requested_token_type", TokenTypeUri.ID_JAG.value(),
                "audience", audience, "resource", RAS_API.value(), "scope", "items:read", "subject_token", idToken,
                "subject_token_type", TokenTypeUri.ID_TOKEN.value()) + (auth.length == 0 ? "" : "&" + form(auth)),
                auth.length == 0 ? new String[] {"Authorization", basic("agent", AGENT_SECRET)} : new String[0]);
    }

    static JsonObject header(String jwt) {
        String h = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                StandardCharsets.UTF_8);
        return dev.lanyard.spec.core.StrictJson.parseObject(h).orElseThrow();
    }

    static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return dev.lanyard.spec.core.StrictJson.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void metadataPublishesTheOpenIdProviderAndBothIdJagRolesButNeverTheTrustedIssuers() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> oidc = b.get("/.well-known/openid-configuration");
        assertThat(oidc.statusCode()).isEqualTo(200);
        JsonObject m = json(oidc);
        // OpenID Connect Discovery 1.0 §3
        assertThat(m.getJsonArray("subject_types_supported").getString(0)).isEqualTo("public");
        assertThat(m.getJsonArray("id_token_signing_alg_values_supported")).isNotEmpty();
        assertThat(m.getJsonArray("scopes_supported").toString()).contains("\"openid\"");
        // request objects are refused (RFC 9101 §5), and an absent request_uri_parameter_supported means true
        assertThat(m.getBoolean("request_parameter_supported")).isFalse();
        assertThat(m.getBoolean("request_uri_parameter_supported")).isFalse();
        // ID-JAG §7: the IdP's token types, the resource role's grant profile and grant types
        assertThat(m.getJsonArray("identity_chaining_requested_token_types_supported").getString(0))
                .isEqualTo(TokenTypeUri.ID_JAG.value());
        assertThat(m.getJsonArray("authorization_grant_profiles_supported").getString(0))
                .isEqualTo("urn:ietf:params:oauth:grant-profile:id-jag");
        assertThat(m.getJsonArray("grant_types_supported").toString()).contains(EXCHANGE)
                .contains(GrantType.JWT_BEARER.value());
        // RFC 9396 §10: the types of the IdP's rules and of the resource role
        assertThat(m.getJsonArray("authorization_details_types_supported")
                .getValuesAs(jakarta.json.JsonString::getString)).containsExactly("chat_read", "chat_history",
                        "tickets");
        assertThat(oidc.body()).doesNotContain("secret-idp");
        assertThat(b.get("/.well-known/oauth-authorization-server").body()).doesNotContain("secret-idp");
    }

    @Test
    void signInExchangeRedeemThenAccessTokenForTheResourceWithoutRefreshOrConsent() throws Exception {
        Browser b = new Browser();
        JsonObject sso = signIn(b);
        // OIDC Core §3.1.3.3: the code flow with openid returns an ID token for the client
        String idToken = sso.getString("id_token");
        assertThat(claims(idToken).getString("aud", null) == null ? claims(idToken).getJsonArray("aud").getString(0)
                : claims(idToken).getString("aud")).isEqualTo("agent");
        assertThat(claims(idToken).getString("nonce")).isEqualTo("n-1");

        HttpResponse<String> r = exchange(b, idToken, RAS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject idJag = json(r);
        // ID-JAG §4.3.4: issued_token_type id-jag, token_type N_A, no refresh token; typ oauth-id-jag+jwt (§3.1)
        assertThat(idJag.getString("issued_token_type")).isEqualTo(TokenTypeUri.ID_JAG.value());
        assertThat(idJag.getString("token_type")).isEqualTo("N_A");
        assertThat(idJag.containsKey("refresh_token")).isFalse();
        assertThat(header(idJag.getString("access_token")).getString("typ")).isEqualTo("oauth-id-jag+jwt");
        assertThat(claims(idJag.getString("access_token")).getString("client_id")).isEqualTo("agent-at-ras");

        // ID-JAG §4.4: the resource authorization server redeems it; no consent page is involved
        ResourceAs ras = new ResourceAs();
        AccessTokenResponse token = ras.redeem(idJag.getString("access_token"));
        assertThat(token.isBearer()).isTrue();
        assertThat(token.refreshToken()).isEmpty();
        JsonObject at = claims(token.accessToken());
        assertThat(at.getString("iss")).isEqualTo(RAS);
        assertThat(at.toString()).contains("\"aud\":\"" + RAS_API.value() + "\"");
        assertThat(at.getString("client_id")).isEqualTo("agent-at-ras");
        assertThat(at.getString("sub")).isEqualTo(claims(idToken).getString("sub"));
        // the protected resource accepts it (RFC 9068 §4: typ, signature, iss, aud) for its scope
        dev.lanyard.rs.AccessTokenPrincipal caller = ras.api.validate(token.accessToken());
        assertThat(caller.subject()).isEqualTo(claims(idToken).getString("sub"));
        ras.api.requireScope(caller, Scope.of("items:read"));

        // ID-JAG §4.4.1, one-time use: the same ID-JAG again is invalid_grant
        assertThatThrownBy(() -> ras.redeem(idJag.getString("access_token")))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().code()).isEqualTo("invalid_grant"));
    }

    @Test
    void authorizationDetailsFromTheExchangeThroughTheIdJagToTheAccessToken() throws Exception {
        // ID-JAG §4.3.3 (items 9, 10, 12) and §4.4.1 (item 22), with RFC 9396 authorization_details and a scope
        Browser b = new Browser();
        String idToken = signIn(b).getString("id_token");
        String details = "[{\"type\":\"chat_read\",\"actions\":[\"read\"],\"locations\":"
                + "[\"https://api.chat.example/channels\"]},{\"type\":\"chat_history\",\"datatypes\":[\"message\"]}]";
        String base = form("grant_type", EXCHANGE, "requested_token_type", TokenTypeUri.ID_JAG.value(), "audience",
                RAS, "resource", RAS_API.value(), "scope", "items:read admin", "subject_token", idToken,
                "subject_token_type", TokenTypeUri.ID_TOKEN.value());
        String[] auth = {"Authorization", basic("agent", AGENT_SECRET)};

        // a type the rule does not allow, and a malformed parameter: invalid_authorization_details (RFC 9396 §5)
        for (String bad : List.of("[{\"type\":\"payment_initiation\"}]", "[{\"actions\":[\"read\"]}]",
                "{\"type\":\"chat_read\"}")) {
            HttpResponse<String> refused = b.post("/token", base + "&" + form("authorization_details", bad), auth);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused).getString("error")).isEqualTo("invalid_authorization_details");
            assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        }

        HttpResponse<String> r = b.post("/token", base + "&" + form("authorization_details", details), auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject exchanged = json(r);
        // §4.3.4: the granted scope (narrowed) and authorization_details in the response; both in the ID-JAG
        assertThat(exchanged.getString("scope")).isEqualTo("items:read");
        assertThat(exchanged.getJsonArray("authorization_details").toString()).isEqualTo(details);
        JsonObject idJag = claims(exchanged.getString("access_token"));
        assertThat(idJag.getJsonArray("authorization_details").toString()).isEqualTo(details);
        assertThat(idJag.getString("scope")).isEqualTo("items:read");

        // the resource AS knows chat_read only: it grants that subset, in the response and the access token
        AccessTokenResponse token = new ResourceAs().redeem(exchanged.getString("access_token"));
        String granted = "[{\"type\":\"chat_read\",\"actions\":[\"read\"],\"locations\":"
                + "[\"https://api.chat.example/channels\"]}]";
        assertThat(token.authorizationDetails()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(granted));
        assertThat(token.scope()).contains(Scope.of("items:read"));
        JsonObject at = claims(token.accessToken());
        assertThat(at.getJsonArray("authorization_details").toString()).isEqualTo(granted);
        assertThat(at.getString("scope")).isEqualTo("items:read");

        // a client asking the resource AS for a type it does not know: invalid_authorization_details
        HttpResponse<String> again = b.post("/token", base + "&" + form("authorization_details", details), auth);
        String second = json(again).getString("access_token");
        assertThatThrownBy(() -> new ResourceAs().redeem(second, "authorization_details",
                "[{\"type\":\"chat_history\",\"datatypes\":[\"message\"]}]"))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().code()).isEqualTo("invalid_authorization_details"));
    }

    @Test
    void exchangeWhenAudienceHasNoRuleThenInvalidTarget() throws Exception {
        Browser b = new Browser();
        String idToken = signIn(b).getString("id_token");
        HttpResponse<String> r = exchange(b, idToken, "https://other-as.example.test");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).getString("error")).isEqualTo("invalid_target");
    }

    @Test
    void exchangeByAPublicClientThenUnauthorizedClient() throws Exception {
        // ID-JAG §4.3: only confidential clients may request an ID-JAG
        Browser b = new Browser();
        String idToken = signIn(b).getString("id_token");
        HttpResponse<String> r = exchange(b, idToken, RAS, "client_id", "agent-pub");
        assertThat(r.statusCode()).as(r.body()).isIn(400, 401);
        assertThat(json(r).getString("error")).isEqualTo("unauthorized_client");
    }

    @Test
    void jwtBearerAtLibertyWhenTheIdJagIsNotForItOrItsIssuerNotTrustedThenInvalidGrant() throws Exception {
        // ID-JAG §4.4.1: the resource role accepts ID-JAGs of its trusted issuers, addressed to it, only
        Browser b = new Browser();
        String idJag = json(exchange(b, signIn(b).getString("id_token"), RAS)).getString("access_token");
        HttpResponse<String> r = b.post("/token", form("grant_type", GrantType.JWT_BEARER.value(), "assertion", idJag),
                "Authorization", basic("agent", AGENT_SECRET));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void delegationExchangeWithAnActorThenActAndNoRefreshToken() throws Exception {
        // the positive control of RFC 8693 §2.2.1 and §4.1, over HTTP
        Browser b = new Browser();
        String subject = signIn(b).getString("access_token");
        HttpResponse<String> cc = b.post("/token", form("grant_type", "client_credentials"), "Authorization",
                basic("tx1", TX1_SECRET));
        assertThat(cc.statusCode()).as(cc.body()).isEqualTo(200);
        String actor = json(cc).getString("access_token");
        HttpResponse<String> r = b.post("/token", form("grant_type", EXCHANGE, "requested_token_type", ACCESS,
                "subject_token", subject, "subject_token_type", ACCESS, "actor_token", actor, "actor_token_type",
                ACCESS, "audience", TestDeployment.RS), "Authorization", basic("tx1", TX1_SECRET));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
        JsonObject t = json(r);
        assertThat(t.getString("issued_token_type")).isEqualTo(ACCESS);
        assertThat(t.getString("token_type")).isEqualTo("Bearer");
        assertThat(t.containsKey("refresh_token")).isFalse();
        long remaining = claims(subject).getJsonNumber("exp").longValue() - java.time.Instant.now().getEpochSecond();
        assertThat(t.getJsonNumber("expires_in").longValue()).isPositive().isLessThanOrEqualTo(remaining + 1);
        JsonObject issued = claims(t.getString("access_token"));
        assertThat(issued.getJsonObject("act").getString("sub")).isEqualTo("tx1");
        assertThat(issued.getString("sub")).isEqualTo(claims(subject).getString("sub"));
        assertThat(issued.getString("client_id")).isEqualTo("tx1");
        assertThat(header(t.getString("access_token")).getString("typ")).isEqualTo("at+jwt");

        // a target not permitted for tx1 is invalid_target; A-085: no subject_token_type, invalid_request
        HttpResponse<String> admin = b.post("/token", form("grant_type", EXCHANGE, "subject_token", subject,
                "subject_token_type", ACCESS, "audience", "https://admin.example.test"), "Authorization",
                basic("tx1", TX1_SECRET));
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(json(admin).getString("error")).isEqualTo("invalid_target");
        assertThat(admin.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));
        HttpResponse<String> untyped = b.post("/token", form("grant_type", EXCHANGE, "subject_token", subject),
                "Authorization", basic("tx1", TX1_SECRET));
        assertThat(json(untyped).getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void dpopProofWithTheExchangeThenIdJagBoundAndTheResourceAsChecksTheKey() throws Exception {
        // ID-JAG §8.6 over HTTP: the Liberty IdP validates the DPoP proof and puts cnf.jkt in the ID-JAG
        Browser b = new Browser();
        assertThat(json(b.get("/.well-known/oauth-authorization-server"))
                .getJsonArray("dpop_signing_alg_values_supported").toString()).contains("ES256")
                .doesNotContain("HS256");
        DpopKey key = DpopKey.generate(Clock.systemUTC());
        String idToken = signIn(b).getString("id_token");
        HttpResponse<String> r = b.post("/token", form("grant_type", EXCHANGE, "requested_token_type",
                TokenTypeUri.ID_JAG.value(), "audience", RAS, "resource", RAS_API.value(), "subject_token", idToken,
                "subject_token_type", TokenTypeUri.ID_TOKEN.value()), "Authorization", basic("agent", AGENT_SECRET),
                "DPoP", key.proof("POST", TOKEN));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String idJag = json(r).getString("access_token");
        assertThat(claims(idJag).getJsonObject("cnf").getString("jkt")).isEqualTo(key.thumbprint());

        // RFC 9449 §4.3: a proof for another URL is invalid_dpop_proof, with no-store
        HttpResponse<String> wrong = b.post("/token", form("grant_type", EXCHANGE, "requested_token_type",
                TokenTypeUri.ID_JAG.value(), "audience", RAS, "resource", RAS_API.value(), "subject_token", idToken,
                "subject_token_type", TokenTypeUri.ID_TOKEN.value()), "Authorization", basic("agent", AGENT_SECRET),
                "DPoP", key.proof("POST", URI.create(RAS + "/token")));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).getString("error")).isEqualTo("invalid_dpop_proof");
        assertThat(wrong.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("no-store"));

        // the resource authorization server: cnf without a proof, or with another key's, is invalid_grant
        ResourceAs ras = new ResourceAs();
        URI rasToken = URI.create(RAS + "/token");
        assertThatThrownBy(() -> ras.redeem(idJag)).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error().code()).isEqualTo("invalid_grant"));
        DpopKey other = DpopKey.generate(Clock.systemUTC());
        assertThatThrownBy(() -> ras.redeem(idJag, List.of(other.proof("POST", rasToken))))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().code()).isEqualTo("invalid_grant"));
        assertThat(ras.redeem(idJag, List.of(key.proof("POST", rasToken))).isBearer()).isTrue();
    }
}
