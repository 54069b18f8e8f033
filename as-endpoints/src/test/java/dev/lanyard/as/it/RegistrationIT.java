package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.lanyard.spec.authz.CodeVerifier;

/**
 * Dynamic client registration (RFC 7591) through a real Open Liberty: the attack catalogue's registration cases, the
 * issued credentials, and the per-address rate limit (last, since every test counts against it).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationIT {

    static final int LIMIT = 30;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-dcr-it", false, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.registration.rate-limit=" + LIMIT));
    }

    static HttpResponse<String> register(String contentType, String body) throws Exception {
        Browser b = new Browser();
        return b.http.send(HttpRequest.newBuilder(URI.create(Browser.absolute("/register")))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> register(String json) throws Exception {
        return register("application/json", json);
    }

    static void assertError(HttpResponse<String> r, int status, String... codes) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (codes.length > 0) {
            assertThat(json(r).getString("error")).as(r.body()).isIn((Object[]) codes);
        }
        assertThat(r.body()).doesNotContain("client_id\"");
    }

    @Test
    @Order(1)
    void registerPublicClientThen201WithClientIdAndNoSecretAndTheClientIsKnown() throws Exception {
        HttpResponse<String> r = register("""
                {"redirect_uris": ["https://dcr.example.test/cb"], "token_endpoint_auth_method": "none",
                 "client_name": "Registered", "client_id": "chosen-by-client"}""");
        // RFC 7591 §3.2.1: 201, the issued client_id, the metadata; the client chooses no credential
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Browser.header(r, "Cache-Control")).contains("no-store");
        JsonObject client = json(r);
        assertThat(client.getString("client_id")).isNotEqualTo("chosen-by-client").hasSizeGreaterThan(30);
        assertThat(client.containsKey("client_secret")).isFalse();
        assertThat(client.getString("client_name")).isEqualTo("Registered");
        // the authorization endpoint knows it: the request goes on to sign-in, not to an error page
        HttpResponse<String> authorize = new Browser().get(AuthorizationCodeFlowIT.authorizeUrl(
                client.getString("client_id"), "https://dcr.example.test/cb", CodeVerifier.random()));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
    }

    @Test
    @Order(2)
    void registerConfidentialClientThenASecretIsIssued() throws Exception {
        HttpResponse<String> r = register("""
                {"redirect_uris": ["https://dcr.example.test/cb"], "token_endpoint_auth_method": "client_secret_basic"}
                """);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).getString("client_secret")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(json(r).getInt("client_secret_expires_at")).isZero();
    }

    @Test
    @Order(3)
    void registerWhenCodeGrantWithoutRedirectUrisThenInvalidRedirectUri() throws Exception {
        //
        assertError(register("{\"grant_types\": [\"authorization_code\"]}"), 400, "invalid_redirect_uri");
    }

    @Test
    @Order(4)
    void registerWhenTransportIsWrongThenInvalidRequestOrMetadataAnd413ForHugeBodies() throws Exception {
        // A-068 (a) form content type, (b) null, (c) array, (d) duplicate member, (e) 10 MB
        assertError(register("application/x-www-form-urlencoded", "redirect_uris=https://x.example.test/cb"), 400,
                "invalid_request");
        assertError(register("null"), 400, "invalid_request", "invalid_client_metadata");
        assertError(register("[]"), 400, "invalid_request", "invalid_client_metadata");
        assertError(register("""
                {"redirect_uris": ["https://dcr.example.test/cb"], "redirect_uris": ["https://evil.test/cb"]}"""),
                400, "invalid_client_metadata");
        long start = System.nanoTime();
        HttpResponse<String> huge = register("{\"client_name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    @Order(5)
    void registerWhenRedirectUriIsUnsafeThenInvalidRedirectUriAndControlsAreAccepted() throws Exception {
        //
        for (String bad : List.of("http://app.example.test/cb", "https://app.example.test/cb#x", "/cb",
                "https://*.example.test/cb", "myapp:/cb")) {
            assertError(register("{\"redirect_uris\": [\"" + bad + "\"], \"token_endpoint_auth_method\": \"none\"}"),
                    400, "invalid_redirect_uri");
        }
        for (String good : List.of("http://127.0.0.1/cb", "com.example.app:/cb")) {
            HttpResponse<String> r = register("{\"redirect_uris\": [\"" + good
                    + "\"], \"token_endpoint_auth_method\": \"none\"}");
            assertThat(r.statusCode()).as(good + " " + r.body()).isEqualTo(201);
        }
    }

    @Test
    @Order(6)
    void registerWhenKeysAreBothOrPrivateThenInvalidClientMetadata() throws Exception {
        //
        String publicKey = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
        assertError(register("{\"redirect_uris\": [\"https://dcr.example.test/cb\"], \"token_endpoint_auth_method\":"
                + " \"private_key_jwt\", \"jwks\": {\"keys\": [" + publicKey + "]}, \"jwks_uri\":"
                + " \"https://dcr.example.test/jwks\"}"), 400, "invalid_client_metadata");
        String privateKey = publicKey.replace("}", ",\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}");
        assertError(register("{\"redirect_uris\": [\"https://dcr.example.test/cb\"], \"token_endpoint_auth_method\":"
                + " \"private_key_jwt\", \"jwks\": {\"keys\": [" + privateKey + "]}}"), 400,
                "invalid_client_metadata");
    }

    @Test
    @Order(7)
    void registerWhenRedirectUriHasAScriptSchemeThenInvalidRedirectUri() throws Exception {
        //
        for (String bad : List.of("javascript:alert(1)", "data:text/html,x", "vbscript:x")) {
            assertError(register("{\"redirect_uris\": [\"" + bad + "\"], \"token_endpoint_auth_method\": \"none\"}"),
                    400, "invalid_redirect_uri");
        }
    }

    @Test
    @Order(8)
    void registerWhenTheAddressExceedsTheRateLimitThen429WithRetryAfter() throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i <= LIMIT; i++) {
            r = register("{\"grant_types\": [\"authorization_code\"]}");
            if (r.statusCode() == 429) {
                break;
            }
        }
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(Browser.header(r, "Retry-After")).isEqualTo("60");
    }
}
