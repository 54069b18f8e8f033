package dev.lanyard.as.it;

import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.Browser.hiddenInputs;
import static dev.lanyard.as.it.Browser.location;
import static dev.lanyard.as.it.Browser.query;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static dev.lanyard.as.it.TestDeployment.RS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.StrictJson;

/**
 * The code flow through a real Open Liberty, as a browser and a client see it: form login, consent page, code, token,
 * refresh, introspection, revocation; remembered and withdrawn consent; the redirected errors of the authorization
 * endpoint (with {@code state} and {@code iss}) once the client and redirect URI are validated.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationCodeFlowIT {

    static final String LOOPBACK_CB = "http://127.0.0.1:51004/cb";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-flow-it");
    }

    static String authorizeUrl(String clientId, String redirectUri, CodeVerifier verifier, String... more) {
        return "/authorize?" + form("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "code_challenge", verifier.challenge().value(), "code_challenge_method", "S256", "state", "st-123",
                "scope", "items:read", "resource", RS) + (more.length == 0 ? "" : "&" + form(more));
    }

    static JsonObject json(HttpResponse<String> r) {
        return StrictJson.parseObject(r.body()).orElseThrow();
    }

    /** Approves the consent page {@code page}; returns the 303 to the client. */
    static HttpResponse<String> approve(Browser b, HttpResponse<String> page) throws Exception {
        Map<String, String> inputs = hiddenInputs(page.body());
        return b.post("/authorize/consent", form("pending", inputs.get("pending"), "csrf", inputs.get("csrf"),
                "decision", "approve"));
    }

    static HttpResponse<String> redeem(Browser b, String clientId, String code, String redirectUri,
            CodeVerifier verifier) throws Exception {
        return b.post("/token", form("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier.value(), "client_id", clientId));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }

    static JsonObject introspect(Browser b, String token) throws Exception {
        HttpResponse<String> r = b.post("/introspect", form("token", token),
                "Authorization", basic("conf1", TestDeployment.CONF1_SECRET));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Browser.header(r, "Cache-Control")).contains("no-store");
        return json(r);
    }

    @Test
    void fullCodeFlowWithLoginConsentTokenRefreshIntrospectAndRevoke() throws Exception {
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        // A-005: a loopback redirect URI registered without a port is used with any port
        HttpResponse<String> page = b.authorize(authorizeUrl("pub1", LOOPBACK_CB, verifier));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        // A-017: the consent page cannot be framed, leaks no referrer, and carries no CORS header
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(Browser.header(page, "Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // OAuth 2.1 §7.9: the client's name (escaped), the host of the redirect URI, the scopes described
        assertThat(page.body()).contains("Public &lt;b&gt;App&lt;/b&gt; &amp; co").doesNotContain("<b>App")
                .contains("127.0.0.1:51004").contains("Read your items").contains(RS).doesNotContain("<script");

        HttpResponse<String> back = approve(b, page);
        // A-012: 303 after the posted answer, never 307 or 308
        assertThat(back.statusCode()).isEqualTo(303);
        String location = location(back);
        assertThat(location).startsWith(LOOPBACK_CB + "?");
        Map<String, String> response = query(location);
        assertThat(response).containsEntry("state", "st-123").containsEntry("iss", ISSUER).containsKey("code");

        HttpResponse<String> tokens = redeem(b, "pub1", response.get("code"), LOOPBACK_CB, verifier);
        // A-026: the shape of the token response
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(Browser.header(tokens, "Cache-Control")).contains("no-store");
        JsonObject t = json(tokens);
        assertThat(t.getString("token_type")).isEqualToIgnoringCase("Bearer");
        assertThat(t.get("expires_in").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(t.getString("access_token")).isNotEmpty();
        assertThat(t.getString("refresh_token")).isNotEmpty();
        assertThat(tokens.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));

        JsonObject active = introspect(b, t.getString("access_token"));
        assertThat(active.getBoolean("active")).isTrue();
        assertThat(active.getString("client_id")).isEqualTo("pub1");
        assertThat(active.getString("sub")).isEqualTo(DemoIdentityStore.SUBJECT);
        assertThat(active.getString("scope")).isEqualTo("items:read");
        assertThat(active.toString()).contains(RS);

        HttpResponse<String> refreshed = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                t.getString("refresh_token"), "client_id", "pub1"));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(Browser.header(refreshed, "Cache-Control")).contains("no-store");
        String rotated = json(refreshed).getString("refresh_token");
        assertThat(rotated).isNotEqualTo(t.getString("refresh_token"));
        JsonObject refreshedAccess = introspect(b, json(refreshed).getString("access_token"));
        assertThat(refreshedAccess.getBoolean("active")).isTrue();

        // RFC 7009: revoking the access token makes introspection say inactive, and nothing more
        HttpResponse<String> revoked = b.post("/revoke", form("token", t.getString("access_token"),
                "token_type_hint", "access_token", "client_id", "pub1"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(introspect(b, t.getString("access_token")).toString()).isEqualTo("{\"active\":false}");

        // revoking the refresh token revokes its family: the next refresh is invalid_grant
        assertThat(b.post("/revoke", form("token", rotated, "client_id", "pub1")).statusCode()).isEqualTo(200);
        HttpResponse<String> after = b.post("/token", form("grant_type", "refresh_token", "refresh_token", rotated,
                "client_id", "pub1"));
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(json(after).getString("error")).isEqualTo("invalid_grant");
        assertThat(Browser.header(after, "Cache-Control")).contains("no-store");
    }

    @Test
    void resourceWithSchemeAndHostInUpperCaseIsTheSameResource() throws Exception {
        // MCP canonical server URI / RFC 3986 §6.2.2.1: upper-case scheme and host are accepted, at both endpoints
        String upper = "HTTPS://RS.EXAMPLE.TEST/api";
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> page = b.authorize(authorizeUrl("pub1", LOOPBACK_CB, verifier)
                .replace(form("resource", RS), form("resource", upper)));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String code = query(location(approve(b, page))).get("code");
        HttpResponse<String> tokens = b.post("/token", form("grant_type", "authorization_code", "code", code,
                "redirect_uri", LOOPBACK_CB, "code_verifier", verifier.value(), "client_id", "pub1",
                "resource", upper));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonValue aud = introspect(b, json(tokens).getString("access_token")).get("aud");
        assertThat(aud.toString()).isIn("\"" + RS + "\"", "[\"" + RS + "\"]");
    }

    @Test
    void reusedRefreshTokenRevokesTheWholeFamily() throws Exception {
        // RT-04 over HTTP: a rotated refresh token presented again revokes its successor too
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> back = approve(b, b.authorize(authorizeUrl("pub1", LOOPBACK_CB, verifier)));
        String first = json(redeem(b, "pub1", query(location(back)).get("code"), LOOPBACK_CB, verifier))
                .getString("refresh_token");
        String second = json(b.post("/token", form("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "pub1"))).getString("refresh_token");
        HttpResponse<String> reuse = b.post("/token", form("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "pub1"));
        assertThat(json(reuse).getString("error")).isEqualTo("invalid_grant");
        HttpResponse<String> successor = b.post("/token", form("grant_type", "refresh_token", "refresh_token",
                second, "client_id", "pub1"));
        assertThat(successor.statusCode()).isEqualTo(400);
        assertThat(json(successor).getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void codeRedeemedTwiceIsRefusedAndWhatItIssuedIsRevoked() throws Exception {
        // A-018 over HTTP
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        HttpResponse<String> back = approve(b, b.authorize(authorizeUrl("pub1", LOOPBACK_CB, verifier)));
        String code = query(location(back)).get("code");
        HttpResponse<String> first = redeem(b, "pub1", code, LOOPBACK_CB, verifier);
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> second = redeem(b, "pub1", code, LOOPBACK_CB, verifier);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).getString("error")).isEqualTo("invalid_grant");
        assertThat(introspect(b, json(first).getString("access_token")).getBoolean("active")).isFalse();
    }

    @Test
    void consentIsRememberedForAnHttpsRedirectAndCanBeWithdrawn() throws Exception {
        Browser b = new Browser();
        String cb = "https://app2.example.test/cb";
        CodeVerifier v1 = CodeVerifier.random();
        HttpResponse<String> first = b.authorize(authorizeUrl("pub2", cb, v1));
        if (first.statusCode() == 200) {
            first = approve(b, first);
        }
        HttpResponse<String> tokens = redeem(b, "pub2", query(location(first)).get("code"), cb, v1);
        String refresh = json(tokens).getString("refresh_token");

        // the stored consent covers the request: no page, a 302 with the code at once
        CodeVerifier v2 = CodeVerifier.random();
        HttpResponse<String> again = b.get(authorizeUrl("pub2", cb, v2));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(query(location(again))).containsKey("code").containsEntry("iss", ISSUER);

        // prompt=consent asks again
        HttpResponse<String> asked = b.get(authorizeUrl("pub2", cb, CodeVerifier.random(), "prompt", "consent"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("app2.example.test");

        // withdrawal: confirmation page with a CSRF token, then the refresh token stops working (A-044)
        HttpResponse<String> confirm = b.get("/authorize/consent/withdraw?client_id=pub2");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.headers().firstValue("X-Frame-Options")).contains("DENY");
        Map<String, String> inputs = hiddenInputs(confirm.body());
        HttpResponse<String> forged = b.post("/authorize/consent/withdraw", form("client_id", "pub2", "csrf",
                "0.forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> done = b.post("/authorize/consent/withdraw", form("client_id", "pub2", "csrf",
                inputs.get("csrf")));
        assertThat(done.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = b.post("/token", form("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", "pub2"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).getString("error")).isEqualTo("invalid_grant");
        assertThat(b.get(authorizeUrl("pub2", cb, CodeVerifier.random())).statusCode()).isEqualTo(200);
    }

    @Test
    void denyRedirectsAccessDeniedWithStateAndIss() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> page = b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        Map<String, String> inputs = hiddenInputs(page.body());
        HttpResponse<String> back = b.post("/authorize/consent", form("pending", inputs.get("pending"), "csrf",
                inputs.get("csrf"), "decision", "deny"));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(query(location(back))).containsEntry("error", "access_denied").containsEntry("state", "st-123")
                .containsEntry("iss", ISSUER).doesNotContainKey("code");
    }

    @Test
    void consentAnswerNeedsThePagesCsrfTokenAndWorksOnce() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> page = b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        Map<String, String> inputs = hiddenInputs(page.body());
        HttpResponse<String> forged = b.post("/authorize/consent", form("pending", inputs.get("pending"), "csrf",
                "not-the-token", "decision", "approve"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        // the pending request was consumed by the forged answer: the genuine one is refused too
        HttpResponse<String> late = approve(b, page);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.headers().firstValue("Location")).isEmpty();
        // another user agent (no session) cannot answer a page either
        HttpResponse<String> page2 = b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        HttpResponse<String> stranger = approve(new Browser(), page2);
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void postedAuthorizationRequestIsAnsweredWith303() throws Exception {
        Browser b = new Browser();
        CodeVerifier verifier = CodeVerifier.random();
        String params = authorizeUrl("pub1", LOOPBACK_CB, verifier).substring("/authorize?".length());
        // before login: 303 to the sign-in servlet, which comes back with the same request as a GET
        HttpResponse<String> anonymous = b.post("/authorize", params);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(location(anonymous)).startsWith(ISSUER + "/lanyard/sign-in?continue=");
        HttpResponse<String> page = b.authorize(location(anonymous));
        assertThat(page.statusCode()).isEqualTo(200);
        // signed in: the POST itself gets the consent page; its answer is 303
        HttpResponse<String> posted = b.post("/authorize", params);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(approve(b, posted).statusCode()).isEqualTo(303);
    }

    @Test
    void implicitAndHybridResponseTypesAreRedirectedWithoutTokens() throws Exception {
        // A-009: the access token is never delivered in the front channel
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        for (String type : new String[] {"token", "code token", "id_token token"}) {
            String url = authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()).replace("response_type=code",
                    form("response_type", type));
            HttpResponse<String> r = b.get(url);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(location(r)).doesNotContain("access_token").doesNotContain("#");
            assertThat(query(location(r))).containsEntry("error", "unsupported_response_type")
                    .containsEntry("state", "st-123").containsEntry("iss", ISSUER).doesNotContainKey("code");
        }
    }

    @Test
    void pkceS256IsRequiredWithAnExplicitMethod() throws Exception {
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        CodeVerifier v = CodeVerifier.random();
        String base = "/authorize?" + form("response_type", "code", "client_id", "pub1", "redirect_uri", LOOPBACK_CB,
                "state", "st-9", "resource", RS);
        String challenge = v.challenge().value();
        for (String params : new String[] {
            "",                                                               // AZ-12: no challenge
            "&" + form("code_challenge", challenge),                          // -16: method REQUIRED
            "&" + form("code_challenge", challenge, "code_challenge_method", "plain"),
            "&" + form("code_challenge", challenge, "code_challenge_method", "s256"),   // A-014
            "&" + form("code_challenge_method", "S256"),                      // A-011
            "&" + form("code_challenge", "x".repeat(42), "code_challenge_method", "S256")}) { // A-010
            HttpResponse<String> r = b.get(base + params);
            assertThat(r.statusCode()).as(params).isEqualTo(302);
            assertThat(query(location(r))).as(params).containsEntry("error", "invalid_request")
                    .containsEntry("state", "st-9").containsEntry("iss", ISSUER).doesNotContainKey("code");
        }
    }

    @Test
    void promptNoneWithoutASignedInUserIsLoginRequired() throws Exception {
        // OIDC Core §3.1.2.6, RFC 9700 §4.11.2 (the silent-authentication exception): no sign-in page for prompt=none,
        // a redirect with login_required, state and iss; IS-04: iss never comes from forwarded headers
        HttpResponse<String> r = new Browser().get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random(), "prompt",
                "none"), "X-Forwarded-Host", "evil.test", "X-Forwarded-Proto", "https", "Forwarded", "host=evil.test");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).startsWith(LOOPBACK_CB + "?");
        assertThat(query(location(r))).containsEntry("error", "login_required").containsEntry("state", "st-123")
                .containsEntry("iss", ISSUER).doesNotContainKey("code");
    }

    @Test
    void requestObjectsAreRefusedNotFollowed() throws Exception {
        // RFC 9101 §5, OIDC Core §3.1.2.6: a request object (its redirect_uri pointing elsewhere) is refused with
        // request_not_supported at the validated redirect URI; a request_uri is never fetched
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        String jwt = "eyJhbGciOiJub25lIn0.eyJyZWRpcmVjdF91cmkiOiJodHRwczovL2V2aWwudGVzdC9jYiJ9.";
        HttpResponse<String> byValue = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random(), "request", jwt));
        assertThat(byValue.statusCode()).isEqualTo(302);
        assertThat(location(byValue)).startsWith(LOOPBACK_CB + "?");
        assertThat(query(location(byValue))).containsEntry("error", "request_not_supported")
                .containsEntry("state", "st-123").containsEntry("iss", ISSUER).doesNotContainKey("code");
        HttpResponse<String> byReference = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random(),
                "request_uri", "https://evil.test/request.jwt"));
        assertThat(query(location(byReference))).containsEntry("error", "request_uri_not_supported")
                .containsEntry("iss", ISSUER).doesNotContainKey("code");
    }

    @Test
    void requestErrorsOfValidatedClientsAreRedirectedWithStateAndIss() throws Exception {
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        String conf1 = "https://conf.example.test/cb?tenant=1";
        // AZ-12: a confidential client needs PKCE too; the registered query is kept (OAuth 2.1 §4.1.2.1)
        HttpResponse<String> noPkce = b.get("/authorize?" + form("response_type", "code", "client_id", "conf1",
                "redirect_uri", conf1, "state", "st-c", "scope", "items:read", "resource", RS));
        assertThat(noPkce.statusCode()).isEqualTo(302);
        assertThat(location(noPkce)).startsWith(conf1 + "&");
        assertThat(query(location(noPkce))).containsEntry("tenant", "1").containsEntry("error", "invalid_request")
                .containsEntry("state", "st-c").containsEntry("iss", ISSUER).doesNotContainKey("code");
        // OAuth 2.1 §4.1.2.1: a client registered for client credentials only (cc1, with a redirect URI)
        HttpResponse<String> cc1 = b.get(authorizeUrl("cc1", "https://cc.example.test/cb", CodeVerifier.random()));
        assertThat(location(cc1)).startsWith("https://cc.example.test/cb?");
        assertThat(query(location(cc1))).containsEntry("error", "unauthorized_client").containsEntry("iss", ISSUER)
                .doesNotContainKey("code");
        // RFC 8707 §2: a relative resource, one with a fragment, one with a trailing slash: invalid_target
        for (String resource : new String[] {"/api", RS + "#frag", RS + "/", "urn:example:api"}) {
            HttpResponse<String> r = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                    .replace(form("resource", RS), form("resource", resource)));
            assertThat(query(location(r))).as(resource).containsEntry("error", "invalid_target")
                    .containsEntry("state", "st-123").containsEntry("iss", ISSUER).doesNotContainKey("code");
        }
        // AZ-02: a repeated parameter, missing response_type; each redirected with invalid_request
        for (String extra : new String[] {"&response_type=code", "&" + form("scope", "items:read"),
            "&code_challenge_method=S256", "&response_type=token"}) {
            HttpResponse<String> r = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()) + extra);
            assertThat(r.statusCode()).as(extra).isEqualTo(302);
            assertThat(query(location(r))).as(extra).containsEntry("error", "invalid_request")
                    .containsEntry("state", "st-123").containsEntry("iss", ISSUER).doesNotContainKey("code");
        }
        HttpResponse<String> missing = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                .replace("response_type=code&", ""));
        assertThat(query(location(missing))).containsEntry("error", "invalid_request").containsEntry("iss", ISSUER);
    }

    @Test
    void unknownAndEmptyParametersAreIgnored() throws Exception {
        // A-013: foo ignored, empty scope and state absent: the default scope, no state in the answer
        Browser b = new Browser();
        CodeVerifier v = CodeVerifier.random();
        String url = "/authorize?" + form("response_type", "code", "client_id", "pub1", "redirect_uri", LOOPBACK_CB,
                "code_challenge", v.challenge().value(), "code_challenge_method", "S256", "resource", RS,
                "foo", "bar", "scope", "", "state", "");
        HttpResponse<String> page = b.authorize(url);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> back = approve(b, page);
        assertThat(query(location(back))).containsKey("code").doesNotContainKey("state").containsEntry("iss", ISSUER);
        JsonObject t = json(redeem(b, "pub1", query(location(back)).get("code"), LOOPBACK_CB, v));
        assertThat(t.getString("scope")).isEqualTo("items:read items:write");
    }

    @Test
    void scopeAndResourceOutsideWhatIsOfferedAreRedirected() throws Exception {
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        // A-015
        HttpResponse<String> scope = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                .replace("scope=items%3Aread", form("scope", "items:read admin")));
        assertThat(query(location(scope))).containsEntry("error", "invalid_scope").containsEntry("state", "st-123")
                .containsEntry("iss", ISSUER);
        // RFC 8707: a resource this server does not serve
        HttpResponse<String> target = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                .replace(form("resource", RS), form("resource", "https://other.example.test/api")));
        assertThat(query(location(target))).containsEntry("error", "invalid_target").containsEntry("iss", ISSUER);
        // prompt=none when the user would have to consent
        HttpResponse<String> none = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random(), "prompt", "none"));
        assertThat(query(location(none))).containsEntry("error", "consent_required").containsEntry("iss", ISSUER);
    }

    @Test
    void oversizeStateAndScopeNeverCauseA500() throws Exception {
        // A-016
        Browser b = new Browser();
        b.authorize(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()));
        HttpResponse<String> scope = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                .replace("scope=items%3Aread", form("scope", "items:read " + "x".repeat(3000))));
        assertThat(scope.statusCode()).isEqualTo(302);
        assertThat(query(location(scope))).containsEntry("error", "invalid_request").containsEntry("state", "st-123");
        assertThat(location(scope).length()).isLessThan(4096);

        HttpResponse<String> state = b.get(authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random())
                .replace("state=st-123", form("state", "s".repeat(3000))));
        assertThat(state.statusCode()).isEqualTo(400);
        assertThat(state.headers().firstValue("Location")).isEmpty();

        // 100 KB: in a POST body, a page; in the URL, the server's transport refuses the request line itself
        String hugeState = "s".repeat(100 * 1024);
        String params = authorizeUrl("pub1", LOOPBACK_CB, CodeVerifier.random()).substring("/authorize?".length());
        HttpResponse<String> posted = b.post("/authorize", params.replace("state=st-123", form("state", hugeState)));
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.headers().firstValue("Location")).isEmpty();
        try {
            HttpResponse<String> huge = b.get("/authorize?" + params.replace("state=st-123", form("state", hugeState)));
            assertThat(huge.statusCode()).isBetween(400, 499);
            assertThat(huge.headers().firstValue("Location")).isEmpty();
        } catch (IOException closed) {
            // Open Liberty may close the connection on a request line this long: no answer, so no redirect
            assertThat(closed).hasMessageContaining("EOF");
        }
    }

    @Test
    void authorizationEndpointSendsNoCorsHeadersAndCannotBeFramed() throws Exception {
        // A-017, the preflight
        Browser b = new Browser();
        HttpResponse<String> preflight = b.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ISSUER + "/authorize")).method("OPTIONS",
                java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.test")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(preflight.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> page = b.get(authorizeUrl("pub1", "https://evil.test/cb", CodeVerifier.random()),
                "Origin", "https://evil.test");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
}
