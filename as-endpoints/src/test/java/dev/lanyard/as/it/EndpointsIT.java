package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.basic;
import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static dev.lanyard.as.it.Browser.form;
import static dev.lanyard.as.it.TestDeployment.CC1_SECRET;
import static dev.lanyard.as.it.TestDeployment.CONF1_SECRET;
import static dev.lanyard.as.it.TestDeployment.CONF2_SECRET;
import static dev.lanyard.as.it.TestDeployment.ISSUER;
import static dev.lanyard.as.it.TestDeployment.RS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.StringJoiner;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.spec.authz.CodeVerifier;

/**
 * The endpoints' answers to bad and hostile requests over HTTP, on a real Open Liberty: pages without
 * {@code Location} at the authorization endpoint, RFC 6749 §5.2 JSON with {@code Cache-Control: no-store} at the
 * back channel, metadata and JWK set contents. Each test names the attack catalogue cases it proves.
 */
@ExtendWith(ArquillianExtension.class)
class EndpointsIT {

    final Browser b = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-endpoints-it");
    }

    static String authorize(String... params) {
        return "/authorize?" + form(params);
    }

    static void assertPage400(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.lanyard");
    }

    static void assertTokenError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(Browser.header(r, "Cache-Control")).contains("no-store");
        assertThat(json(r).getString("error")).isEqualTo(error);
        assertThat(r.body()).doesNotContain("Exception");
    }

    HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return b.post("/token", form("grant_type", "client_credentials", "scope", "items:read"), "Authorization",
                basic(clientId, secret));
    }

    @Test
    void duplicateRedirectUriIsAPageWithoutLocation() throws Exception {
        // both orders in the query, and one in the query with one in the POST body
        String good = "https://app.example.test/cb";
        String evil = "https://evil.test/cb";
        assertPage400(b.get(authorize("client_id", "pub1", "response_type", "code", "redirect_uri", good,
                "redirect_uri", evil)));
        assertPage400(b.get(authorize("client_id", "pub1", "response_type", "code", "redirect_uri", evil,
                "redirect_uri", good)));
        assertPage400(b.post(authorize("client_id", "pub1", "redirect_uri", good),
                form("response_type", "code", "redirect_uri", evil)));
        assertPage400(b.post(authorize("redirect_uri", evil), form("client_id", "pub1", "response_type", "code",
                "redirect_uri", good)));
        assertPage400(b.get(authorize("client_id", "pub1", "client_id", "pub2", "redirect_uri", good)));
    }

    @Test
    void redirectUriMismatchesArePagesNeverRedirects() throws Exception {
        // at the HTTP level; unknown and missing client (AZ-10)
        for (String[] c : List.of(
                new String[] {"pub1", "https://app.example.test/other"},
                new String[] {"pub1", "https://APP.example.test/cb"},
                new String[] {"pub1", "HTTPS://app.example.test/cb"},
                new String[] {"pub1", "https://app.example.test/cb?next=https://evil.test"},
                new String[] {"pub1", "https://app.example.test/cb/extra"},
                new String[] {"pub1", "http://localhost:5000/cb"},
                new String[] {"pub1", "http://127.0.0.1.evil.test:5000/cb"},
                new String[] {"pub1", "http://[::ffff:127.0.0.1]:5000/cb"},
                new String[] {"conf1", "https://conf.example.test/cb?tenant=2"},
                new String[] {"conf1", "https://conf.example.test/cb?x=1&tenant=1"},
                new String[] {"pub1", "javascript:alert(1)"},
                new String[] {"unknown-client", "https://app.example.test/cb"})) {
            HttpResponse<String> r = b.get(authorize("response_type", "code", "client_id", c[0], "redirect_uri", c[1],
                    "state", "s", "code_challenge", CodeVerifier.random().challenge().value(),
                    "code_challenge_method", "S256"));
            assertPage400(r);
        }
        // RU-06: two registered, none sent
        assertPage400(b.get(authorize("response_type", "code", "client_id", "multi")));
        assertPage400(b.get(authorize("response_type", "code", "redirect_uri", "https://app.example.test/cb")));
    }

    @Test
    void signInContinuesOnlyToTheAuthorizationServersOwnPages() throws Exception {
        // RFC 9700 §4.11.2: the sign-in hop is no open redirector
        for (String next : new String[] {"https://evil.test/authorize?x", "//evil.test/authorize?x", "/admin",
            "/authorize/../admin?x", "/authorize#x", "/authorizex?y"}) {
            HttpResponse<String> r = b.get("/lanyard/sign-in?" + form("continue", next));
            assertThat(r.statusCode()).as(next).isEqualTo(400);
            assertThat(r.headers().firstValue("Location")).as(next).isEmpty();
        }
        HttpResponse<String> ok = b.get("/lanyard/sign-in?" + form("continue", "/authorize?client_id=pub1"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(Browser.location(ok)).contains("/login");
    }

    @Test
    void clientCredentialsResponseAndNoStore() throws Exception {
        // A-026 for the client credentials grant: no refresh token (CC-01)
        HttpResponse<String> r = clientCredentials("cc1", CC1_SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Browser.header(r, "Cache-Control")).contains("no-store");
        JsonObject t = json(r);
        assertThat(t.getString("token_type")).isEqualTo("Bearer");
        assertThat(t.containsKey("refresh_token")).isFalse();
        assertThat(t.getJsonNumber("expires_in").longValue()).isEqualTo(300);
    }

    @Test
    void credentialsInTheRequestUriAreRefused() throws Exception {
        //
        HttpResponse<String> r = b.post("/token?" + form("client_secret", CONF1_SECRET, "client_id", "conf1"),
                form("grant_type", "client_credentials"));
        assertTokenError(r, 400, "invalid_request");
    }

    @Test
    void grantTypeErrors() throws Exception {
        //
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_id", "pub1")), 400,
                "unauthorized_client");
        //
        assertTokenError(b.post("/token", form("client_id", "pub1")), 400, "invalid_request");
        for (String type : new String[] {"implicit", "Authorization_Code", "urn:x:unknown", "password"}) {
            assertTokenError(b.post("/token", form("grant_type", type, "client_id", "pub1")), 400,
                    "unsupported_grant_type");
        }
        // TK-01: GET is 405 with Allow, and kept out of caches like every error; another content type is
        // invalid_request
        for (String endpoint : List.of("/token", "/revoke", "/introspect")) {
            HttpResponse<String> get = b.get(endpoint);
            assertThat(get.statusCode()).as(endpoint).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow").orElseThrow()).as(endpoint).contains("POST");
            assertThat(get.headers().firstValue("Cache-Control")).as(endpoint).contains("no-store");
        }
        assertTokenError(b.http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString()), 400, "invalid_request");
    }

    @Test
    void clientAuthenticationFailures() throws Exception {
        // wrong secret by post, and client_id alone for a confidential client
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_id", "conf2",
                "client_secret", "wrong-secret-0123456789-abcdefghijklmnop")), 401, "invalid_client");
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_id", "conf2")), 401,
                "invalid_client");
        // conf1 is registered for client_secret_basic and uses post with the right secret
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_id", "conf1",
                "client_secret", CONF1_SECRET)), 401, "invalid_client");
        // two methods at once
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_secret", CONF1_SECRET),
                "Authorization", basic("conf1", CONF1_SECRET)), 400, "invalid_request");
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", "a.b.c"),
                "Authorization", basic("conf1", CONF1_SECRET)), 400, "invalid_request");
        // RFC 6749 §5.2: after a Basic header, 401 with a Basic challenge
        HttpResponse<String> wrong = clientCredentials("conf1", "wrong-secret-0123456789-abcdefghijklmnop");
        assertTokenError(wrong, 401, "invalid_client");
        assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow())
                .isEqualTo("Basic realm=\"" + ISSUER + "\"");
        assertThat(clientCredentials("conf2", CONF2_SECRET).statusCode()).isEqualTo(401);
        assertThat(b.post("/token", form("grant_type", "client_credentials", "client_id", "conf2", "client_secret",
                CONF2_SECRET)).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> withAssertion(String assertion) throws Exception {
        return b.post("/token", form("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));
    }

    @Test
    void privateKeyJwtClientAuthentication() throws Exception {
        // RFC 7523 §3 over HTTP: a valid assertion, then the JB cases the endpoint must refuse
        String valid = ClientKey.sign("RS256", ClientKey.claims(ISSUER, "jti-" + System.nanoTime()));
        HttpResponse<String> ok = withAssertion(valid);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).getString("access_token")).isNotEmpty();
        // the same jti again: a replay
        assertTokenError(withAssertion(valid), 401, "invalid_client");
        // aud is the token endpoint, not the issuer
        assertTokenError(withAssertion(ClientKey.sign("RS256", ClientKey.claims(ISSUER + "/token",
                "jti-" + System.nanoTime()))), 401, "invalid_client");
        // no jti
        assertTokenError(withAssertion(ClientKey.sign("RS256", ClientKey.claims(ISSUER, null))), 401,
                "invalid_client");
        // unsigned
        assertTokenError(withAssertion(ClientKey.sign("none", ClientKey.claims(ISSUER, "jti-" + System.nanoTime()))),
                401, "invalid_client");
        // the assertion type missing, or another one
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_assertion",
                ClientKey.sign("RS256", ClientKey.claims(ISSUER, "jti-" + System.nanoTime())))), 400,
                "invalid_request");
        assertTokenError(b.post("/token", form("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "client_assertion", valid)), 400,
                "invalid_request");
    }

    @Test
    void repeatedAuthenticationFailuresAreThrottled() throws Exception {
        // 429 with Retry-After after 10 failures of one client from one source
        for (int i = 0; i < 10; i++) {
            assertThat(clientCredentials("brute", "wrong-" + i + "-0123456789-abcdefghijklmnopqrs").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = clientCredentials("brute", TestDeployment.BRUTE_SECRET);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(json(locked).getString("error")).isEqualTo("temporarily_unavailable");
    }

    @Test
    void metadataAtItsWellKnownUrlOnly() throws Exception {
        //
        HttpResponse<String> r = b.get("/.well-known/oauth-authorization-server");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonObject m = json(r);
        assertThat(m.getString("issuer")).isEqualTo(ISSUER);
        assertThat(b.get("/.well-known/oauth-authorization-server/").statusCode()).isEqualTo(404);
        assertThat(b.get("/.well-known/oauth-authorization-server/tenant-zz").statusCode()).isEqualTo(404);
        HttpResponse<String> oidc = b.get("/.well-known/openid-configuration");
        assertThat(oidc.statusCode()).isEqualTo(200);
        assertThat(json(oidc).getString("issuer")).isEqualTo(ISSUER);
        //
        assertThat(strings(m, "response_types_supported")).containsExactly("code");
        assertThat(strings(m, "grant_types_supported")).contains("authorization_code", "refresh_token",
                "client_credentials").doesNotContain("implicit", "password");
        assertThat(strings(m, "code_challenge_methods_supported")).containsExactly("S256");
        assertThat(strings(m, "token_endpoint_auth_signing_alg_values_supported")).isNotEmpty()
                .doesNotContain("none");
        assertThat(m.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
        for (String endpoint : new String[] {"authorization_endpoint", "token_endpoint", "jwks_uri",
            "revocation_endpoint", "introspection_endpoint"}) {
            assertThat(m.getString(endpoint)).startsWith(ISSUER + "/");
        }
        assertThat(strings(m, "scopes_supported")).containsExactly("items:read", "items:write");
        // the optional features are off by default and then not published: CIMD, registration, ID-JAG, OpenID
        assertThat(m.keySet()).doesNotContain("client_id_metadata_document_supported", "registration_endpoint",
                "authorization_grant_profiles_supported", "identity_chaining_requested_token_types_supported",
                "id_token_signing_alg_values_supported");
        assertThat(b.post("/register", "{}", "Content-Type", "application/json").statusCode()).isEqualTo(404);
        // RFC 8414 §2: the response mode and client authentication methods are published, not left to defaults
        assertThat(strings(m, "response_modes_supported")).containsExactly("query");
        assertThat(strings(m, "token_endpoint_auth_methods_supported")).contains("client_secret_basic",
                "client_secret_post", "none");
        // MD-02, IS-04, G-05: the issuer and endpoints come from configuration, never from forwarded headers
        HttpResponse<String> forwarded = b.get("/.well-known/oauth-authorization-server", "X-Forwarded-Host",
                "evil.test", "X-Forwarded-Proto", "https", "X-Forwarded-Prefix", "/evil", "Forwarded",
                "host=evil.test;proto=https");
        assertThat(forwarded.statusCode()).isEqualTo(200);
        assertThat(json(forwarded)).isEqualTo(m);
        // RFC 8414 §3.1: the metadata of an issuer without a path is not served at appended or doubled paths
        for (String path : new String[] {"/.well-known/OAUTH-authorization-server",
            "/.well-known/oauth-authorization-server/.well-known/oauth-authorization-server"}) {
            assertThat(b.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void jwksHasPublicKeysOnly() throws Exception {
        HttpResponse<String> r = b.get("/jwks");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwk-set+json");
        JsonObject jwks = json(r);
        assertThat(jwks.getJsonArray("keys")).isNotEmpty();
        for (var key : jwks.getJsonArray("keys")) {
            assertThat(key.asJsonObject().keySet()).contains("kid", "kty").doesNotContain("d", "p", "q", "dp", "dq",
                    "qi", "k");
        }
    }

    @Test
    void revocationCases() throws Exception {
        // unknown token, already revoked token: 200 with an empty body
        HttpResponse<String> garbage = b.post("/revoke", form("token", "garbage-token"), "Authorization",
                basic("conf1", CONF1_SECRET));
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).isEmpty();
        String conf1Token = json(clientCredentials("conf1", CONF1_SECRET)).getString("access_token");
        for (int i = 0; i < 2; i++) {
            assertThat(b.post("/revoke", form("token", conf1Token), "Authorization", basic("conf1", CONF1_SECRET))
                    .statusCode()).isEqualTo(200);
        }
        // confidential client without or with bad authentication; missing token
        assertTokenError(b.post("/revoke", form("token", conf1Token, "client_id", "conf1")), 401, "invalid_client");
        assertTokenError(b.post("/revoke", form("token", conf1Token), "Authorization",
                basic("conf1", "wrong-secret-0123456789-abcdefghijklmnop")), 401, "invalid_client");
        assertTokenError(b.post("/revoke", "", "Authorization", basic("conf1", CONF1_SECRET)), 400,
                "invalid_request");
        // conf1 names conf2's token: invalid_request; pub1 does: 200 without effect
        String conf2Token = json(b.post("/token", form("grant_type", "client_credentials", "client_id", "conf2",
                "client_secret", CONF2_SECRET))).getString("access_token");
        assertTokenError(b.post("/revoke", form("token", conf2Token), "Authorization", basic("conf1", CONF1_SECRET)),
                400, "invalid_request");
        assertThat(b.post("/revoke", form("token", conf2Token, "client_id", "pub1")).statusCode()).isEqualTo(200);
        HttpResponse<String> still = b.post("/introspect", form("token", conf2Token), "Authorization",
                basic("conf1", CONF1_SECRET));
        assertThat(json(still).getBoolean("active")).isTrue();
    }

    @Test
    void introspectionNeedsAnAuthenticatedCaller() throws Exception {
        //
        String token = json(clientCredentials("cc1", CC1_SECRET)).getString("access_token");
        HttpResponse<String> anonymous = b.post("/introspect", form("token", token));
        assertTokenError(anonymous, 401, "invalid_client");
        assertThat(anonymous.body()).doesNotContain("active");
        HttpResponse<String> publicClient = b.post("/introspect", form("token", token, "client_id", "pub1"));
        assertTokenError(publicClient, 401, "invalid_client");
        HttpResponse<String> ok = b.post("/introspect", form("token", token), "Authorization",
                basic("conf1", CONF1_SECRET));
        assertThat(json(ok).getBoolean("active")).isTrue();
        assertThat(json(ok).getString("aud")).isEqualTo(RS);
    }

    @Test
    void parameterFloodIsRefusedQuickly() throws Exception {
        // as many parameters as fit the size cap, but more than the parameter cap (this also warms the path,
        // so the timing below is the server's, not the first call's)
        StringJoiner many = new StringJoiner("&");
        for (int i = 0; i < 500; i++) {
            many.add("p" + i + "=v");
        }
        assertTokenError(b.post("/token", "grant_type=client_credentials&" + many, "Authorization",
                basic("cc1", CC1_SECRET)), 400, "invalid_request");
        // 10,000 distinct parameters: refused in under a second
        StringJoiner flood = new StringJoiner("&");
        for (int i = 0; i < 10_000; i++) {
            flood.add("p" + i + "=v");
        }
        long start = System.nanoTime();
        HttpResponse<String> r = b.post("/token", "grant_type=client_credentials&" + flood, "Authorization",
                basic("cc1", CC1_SECRET));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(r.statusCode()).isIn(400, 413);
        assertThat(json(r).getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void methodOverrideIsIgnored() throws Exception {
        // processed as the POST it is
        HttpResponse<String> header = b.post("/token", form("grant_type", "client_credentials"), "Authorization",
                basic("cc1", CC1_SECRET), "X-HTTP-Method-Override", "GET");
        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        HttpResponse<String> param = b.post("/token", form("grant_type", "client_credentials", "_method", "GET"),
                "Authorization", basic("cc1", CC1_SECRET));
        assertThat(param.statusCode()).isEqualTo(200);
    }

    @Test
    void oversizeTokenParametersAreRefusedQuickly() throws Exception {
        // 1 MB code, code_verifier, refresh_token
        String mb = "a".repeat(1024 * 1024);
        for (String[] p : List.of(new String[] {"authorization_code", "code"},
                new String[] {"authorization_code", "code_verifier"},
                new String[] {"refresh_token", "refresh_token"})) {
            long start = System.nanoTime();
            HttpResponse<String> r = b.post("/token", form("grant_type", p[0], "client_id", "pub1", p[1], mb));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            assertThat(r.statusCode()).isIn(400, 413);
            assertThat(json(r).getString("error")).isEqualTo("invalid_request");
        }
        // within the body cap but over the parameter's own cap
        assertTokenError(b.post("/token", form("grant_type", "authorization_code", "client_id", "pub1", "code",
                "c".repeat(20_000), "code_verifier", CodeVerifier.random().value())), 400, "invalid_request");
    }

    @Test
    void unexpectedFailuresAnswerServerErrorWithoutDetail() throws Exception {
        HttpResponse<String> r = clientCredentials("boom", TestDeployment.BOOM_SECRET);
        assertTokenError(r, 500, "server_error");
        assertThat(r.body()).doesNotContain(ExplodingCustomizer.SECRET_DETAIL).doesNotContain("IllegalState")
                .doesNotContain("\tat ");
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
