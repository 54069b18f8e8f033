package dev.lanyard.as.it;

import static dev.lanyard.as.it.AuthorizationCodeFlowIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CORS (Fetch standard) through a real Open Liberty, exact headers: preflights, a 200, a 400 and a 401 for an
 * allowed origin and for a disallowed one, the public documents for any origin, and never at the front channel
 * (OAuth 2.1 §3.1; TK-07, AZ-18, A-017).
 */
@ExtendWith(ArquillianExtension.class)
class CorsIT {

    static final String ALLOWED = "http://localhost:6274";
    static final String OTHER = "http://evil.example.test";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.war("as-cors-it", false, List.of("lanyard.as.registration.enabled=true",
                "lanyard.as.cors.allowed-origins=" + ALLOWED + ",http://127.0.0.1:6274"));
    }

    static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestDeployment.BASE + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> preflight(String path, String origin, String method, String headers)
            throws Exception {
        return send("OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers), null);
    }

    /** The response's CORS headers and Vary, lower-cased names, values joined. */
    static Map<String, String> cors(HttpResponse<?> r) {
        return r.headers().map().entrySet().stream()
                .filter(e -> e.getKey().toLowerCase().startsWith("access-control-")
                        || e.getKey().equalsIgnoreCase("vary"))
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.join(", ", e.getValue()),
                        (a, b) -> a, TreeMap::new));
    }

    @Test
    void tokenPreflightFromAnAllowedOriginIs204WithMethodsHeadersAndMaxAge() throws Exception {
        HttpResponse<String> r = preflight("/token", ALLOWED, "POST", "content-type,dpop");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(cors(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "access-control-allow-origin", ALLOWED,
                "access-control-allow-methods", "POST",
                "access-control-allow-headers", "Authorization, Content-Type, DPoP",
                "access-control-max-age", "600",
                "vary", "Origin"));
    }

    @Test
    void tokenPreflightFromAnotherOriginGetsNoCorsHeader() throws Exception {
        HttpResponse<String> r = preflight("/token", OTHER, "POST", "content-type");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(cors(r)).containsExactly(Map.entry("vary", "Origin"));
    }

    @Test
    void tokenErrorsCarryTheCorsHeadersSoThePageCanReadThem() throws Exception {
        // 400 invalid_grant: a browser client must be able to read the OAuth error
        HttpResponse<String> r = send("POST", "/token", Map.of("Origin", ALLOWED,
                "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=authorization_code&code=nope&client_id=pub1&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb"
                        + "&code_verifier=" + "a".repeat(43));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).getString("error")).isEqualTo("invalid_grant");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(cors(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "access-control-allow-origin", ALLOWED,
                "access-control-expose-headers", "WWW-Authenticate, Retry-After, DPoP-Nonce",
                "vary", "Origin"));
        assertThat(cors(r)).doesNotContainKey("access-control-allow-credentials");
        // 401 invalid_client with a Basic challenge: exposed
        HttpResponse<String> u = send("POST", "/token", Map.of("Origin", ALLOWED,
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic Y29uZjE6d3Jvbmc="),
                "grant_type=client_credentials");
        assertThat(u.statusCode()).as(u.body()).isEqualTo(401);
        assertThat(cors(u)).containsEntry("access-control-allow-origin", ALLOWED);
        // the same request from another origin: the same answer, no CORS header (the browser blocks the read)
        HttpResponse<String> o = send("POST", "/token", Map.of("Origin", OTHER,
                "Content-Type", "application/x-www-form-urlencoded"), "grant_type=authorization_code&code=nope"
                + "&client_id=pub1&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&code_verifier=" + "a".repeat(43));
        assertThat(o.statusCode()).isEqualTo(400);
        assertThat(json(o).getString("error")).isEqualTo("invalid_grant");
        assertThat(cors(o)).containsExactly(Map.entry("vary", "Origin"));
    }

    @Test
    void aSuccessfulRegistrationCarriesTheCorsHeaders() throws Exception {
        HttpResponse<String> p = preflight("/register", "http://127.0.0.1:6274", "POST", "content-type");
        assertThat(cors(p)).containsEntry("access-control-allow-origin", "http://127.0.0.1:6274")
                .containsEntry("access-control-allow-methods", "POST")
                .containsEntry("access-control-allow-headers", "Authorization, Content-Type");
        HttpResponse<String> r = send("POST", "/register", Map.of("Origin", "http://127.0.0.1:6274",
                "Content-Type", "application/json"), """
                {"redirect_uris": ["http://localhost:6274/oauth/callback"], "token_endpoint_auth_method": "none"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(cors(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "access-control-allow-origin", "http://127.0.0.1:6274",
                "access-control-expose-headers", "WWW-Authenticate, Retry-After",
                "vary", "Origin"));
        // the client configuration endpoint: GET, PUT, DELETE
        String id = json(r).getString("client_id");
        HttpResponse<String> c = preflight("/register/" + id, ALLOWED, "GET", "authorization");
        assertThat(cors(c)).containsEntry("access-control-allow-methods", "GET, PUT, DELETE");
    }

    @Test
    void publicDocumentsAnswerAnyOriginWithAStar() throws Exception {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration",
                "/jwks")) {
            HttpResponse<String> r = send("GET", path, Map.of("Origin", OTHER), null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(cors(r)).as(path).containsExactly(Map.entry("access-control-allow-origin", "*"));
            HttpResponse<String> p = preflight(path, OTHER, "GET", "mcp-protocol-version");
            assertThat(p.statusCode()).as(path).isEqualTo(204);
            assertThat(cors(p)).as(path).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "access-control-allow-origin", "*",
                    "access-control-allow-methods", "GET",
                    "access-control-allow-headers", "MCP-Protocol-Version",
                    "access-control-max-age", "600"));
        }
    }

    @Test
    void theFrontChannelNeverAnswersCrossOrigin() throws Exception {
        // A-017, AZ-18: no CORS at the authorization endpoint, the consent page or sign-in, even for an allowed origin
        for (String path : List.of("/authorize?client_id=pub1&response_type=code", "/authorize/consent")) {
            assertThat(cors(send("GET", path, Map.of("Origin", ALLOWED), null))).as(path).isEmpty();
            HttpResponse<String> p = preflight(path, ALLOWED, "GET", "authorization");
            assertThat(cors(p)).as(path).isEmpty();
        }
    }
}
