package dev.lanyard.rs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import dev.lanyard.discovery.publish.AuthorizationServerMetadataFactory;
import dev.lanyard.rs.token.TestTokens;
import dev.lanyard.spec.bearer.BearerChallenge;
import dev.lanyard.spec.core.StrictJson;

/**
 * The resource server inside a real Open Liberty: exact statuses and {@code WWW-Authenticate} values for the JAX-RS
 * filter and the servlet filter, the step-up sequence, and the protected resource metadata document. The
 * authorization server's JWKS is served from this test on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceServerIT {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("liberty.http.port", "9080") + "/";
    static final String RESOURCE = BASE + "mcp";
    static final String BROWSER_ORIGIN = "http://localhost:6274";
    static final String PRM = BASE + ".well-known/oauth-protected-resource/mcp";
    static final TestTokens AS = new TestTokens();
    static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
    static HttpServer jwks;
    static String issuer;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            JWKS_FETCHES.incrementAndGet();
            byte[] body = AS.fetch(TestTokens.JWKS).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
        // The authorization server's RFC 8414 metadata: the resource server finds jwks_uri through it
        String metadata = AuthorizationServerMetadataFactory.forIssuer(issuer)
                .endpoints(URI.create(issuer + "/authorize"), URI.create(issuer + "/token"),
                        URI.create(issuer + "/jwks"))
                .build().toJson().toString();
        jwks.createContext("/.well-known/oauth-authorization-server", exchange -> {
            byte[] body = metadata.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        String config = String.join("\n",
                "lanyard.rs.resource=" + RESOURCE,
                "lanyard.rs.authorization-servers=" + issuer,
                "lanyard.rs.scopes-supported=items:read,items:write",
                "lanyard.rs.resource-name=Items test resource",
                "lanyard.rs.scope-hierarchy=items:admin>items:write,items:write>items:read",
                "lanyard.rs.required-scopes=items:read",
                "lanyard.rs.realm=items",
                "lanyard.rs.fetch.allow-loopback=true",
                "lanyard.rs.cors.allowed-origins=" + BROWSER_ORIGIN, "");
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet><servlet-name>echo</servlet-name><servlet-class>dev.lanyard.rs.it.EchoServlet</servlet-class>
                    <async-supported>true</async-supported></servlet>
                  <servlet-mapping><servlet-name>echo</servlet-name><url-pattern>/mcp</url-pattern></servlet-mapping>
                  <filter><filter-name>bearer</filter-name>
                    <filter-class>dev.lanyard.rs.servlet.BearerTokenServletFilter</filter-class>
                    <async-supported>true</async-supported></filter>
                  <filter-mapping><filter-name>bearer</filter-name><url-pattern>/mcp</url-pattern></filter-mapping>
                </web-app>
                """;
        WebArchive war = ShrinkWrap.create(WebArchive.class, "rs-it.war")
                .addClasses(ItApplication.class, ProtectedItemsResource.class, EchoServlet.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .setWebXML(new StringAsset(webXml))
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
                // context root "/" so the well-known URLs live where RFC 9728 §3.1 puts them (test WAR only)
                .addAsWebInfResource(new StringAsset("""
                        <web-ext xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.0">
                          <context-root uri="/"/>
                        </web-ext>
                        """), "ibm-web-ext.xml");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))
                    && p.getParent().getParent().getFileName().toString().equals("rs-endpoints")) {
                war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "lanyard-rs-endpoints.jar")
                        .as(ExplodedImporter.class).importDirectory(p.toFile()).as(JavaArchive.class));
            } else if (name.endsWith(".jar") && List.of("lanyard-", "nimbus-jose-jwt", "caffeine", "httpclient5",
                    "httpcore5", "slf4j-api").stream().anyMatch(name::startsWith)) {
                war.addAsLibrary(p.toFile());
            }
        }
        return war;
    }

    @AfterAll
    static void stopJwks() {
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    }

    static String token(String scope) {
        return AS.es256(TestTokens.claims(Instant.now()).issuer(issuer).audience(RESOURCE).claim("scope", scope)
                .jwtID("jti-" + System.nanoTime()).build());
    }

    static BearerChallenge challenge(HttpResponse<?> response) {
        List<String> values = response.headers().allValues("WWW-Authenticate");
        assertThat(values).hasSize(1);
        return BearerChallenge.parse(values.get(0)).orElseThrow();
    }

    static HttpRequest.Builder preflight(String path, String origin) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,mcp-protocol-version");
    }

    @Test
    void aPreflightToTheServletIsAnswered204WithoutAChallenge() throws Exception {
        HttpResponse<String> r = send(preflight("mcp", BROWSER_ORIGIN));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(BROWSER_ORIGIN);
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, DELETE");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("Authorization, Content-Type, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).contains("600");
        assertThat(r.headers().allValues("Vary")).contains("Origin");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        // another origin: no CORS header, so the browser blocks; still no challenge
        HttpResponse<String> other = send(preflight("mcp", "http://evil.example.test"));
        assertThat(other.statusCode()).isEqualTo(204);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void challengesAndAnswersCarryCorsHeadersForAnAllowedOriginOnly() throws Exception {
        for (String path : List.of("mcp", "items")) {
            HttpResponse<String> r = send(get(path).header("Origin", BROWSER_ORIGIN));
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains(BROWSER_ORIGIN);
            assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).as(path)
                    .contains("WWW-Authenticate, Mcp-Session-Id");
            HttpResponse<String> ok = send(get(path).header("Origin", BROWSER_ORIGIN)
                    .header("Authorization", "Bearer " + token("items:read")));
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains(BROWSER_ORIGIN);
            HttpResponse<String> other = send(get(path).header("Origin", "http://evil.example.test"));
            assertThat(other.statusCode()).as(path).isEqualTo(401);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        // the metadata is public: any origin, and its preflight is answered
        HttpResponse<String> prm = send(HttpRequest.newBuilder(URI.create(PRM)).header("Origin", "http://any.test"));
        assertThat(prm.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        HttpResponse<String> p = send(HttpRequest.newBuilder(URI.create(PRM))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://any.test")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(p.statusCode()).isEqualTo(204);
        assertThat(p.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(p.headers().firstValue("Access-Control-Allow-Headers")).contains("MCP-Protocol-Version");
    }

    @Test
    void requestWithoutTokenGets401WithResourceMetadataAndNoError() throws Exception {
        HttpResponse<String> r = send(get("items"));
        assertThat(r.statusCode()).isEqualTo(401);
        BearerChallenge c = challenge(r);
        assertThat(c.realm()).contains("items");
        assertThat(c.error()).isEmpty();
        assertThat(c.resourceMetadata()).contains(URI.create(PRM));
        assertThat(c.scope().orElseThrow().toString()).isEqualTo("items:read");
    }

    @Test
    void validTokenWithReadScopeReadsAndTheCallerIsInjected() throws Exception {
        HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + token("items:read")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("items for u-alice via pub1 principal=u-alice role(items:read)=true");
    }

    @Test
    void stepUpFromReadToWrite() throws Exception {
        // A token with items:read gets 403 naming the scope needed; a token with both passes.
        HttpResponse<String> denied = send(get("items").POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token("items:read")));
        assertThat(denied.statusCode()).isEqualTo(403);
        BearerChallenge c = challenge(denied);
        assertThat(c.error()).contains("insufficient_scope");
        assertThat(c.scope().orElseThrow().toString()).isEqualTo("items:write");
        assertThat(c.resourceMetadata()).contains(URI.create(PRM));
        assertThat(denied.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> allowed = send(get("items").POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token("items:read items:write")));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("created by u-alice");
    }

    @Test
    void scopeHierarchyLetsABroadScopeThrough() throws Exception {
        HttpResponse<String> r = send(get("items").POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token("items:admin")));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void expiredTokenGets401InvalidToken() throws Exception {
        String expired = AS.es256(TestTokens.claims(Instant.now().minusSeconds(900)).issuer(issuer).audience(RESOURCE)
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
        HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + expired));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(challenge(r).error()).contains("invalid_token");
        assertThat(StrictJson.parseObject(r.body()).orElseThrow().getString("error")).isEqualTo("invalid_token");
    }

    @Test
    void tokenForAnotherResourceGets401InvalidToken() throws Exception {
        String other = AS.es256(TestTokens.claims(Instant.now()).issuer(issuer).audience("https://rs2.example.test")
                .build());
        HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + other));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(challenge(r).error()).contains("invalid_token");
    }

    @Test
    void tokenOfAnUntrustedIssuerGets401InvalidToken() throws Exception {
        String foreign = AS.es256(TestTokens.claims(Instant.now()).audience(RESOURCE).build());
        HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + foreign));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(challenge(r).error()).contains("invalid_token");
    }

    @Test
    void tokenInQueryOnlyIsIgnored() throws Exception {
        // the query token is ignored, exactly as with no credentials
        HttpResponse<String> r = send(get("items?access_token=" + token("items:read")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(challenge(r).error()).isEmpty();
    }

    @Test
    void tokenInHeaderAndFormBodyIs400InvalidRequest() throws Exception {
        //
        String t = token("items:read items:write");
        HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + t)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + t)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(challenge(r).error()).contains("invalid_request");
    }

    @Test
    void tokenInHeaderAndQueryThenTheHeaderIsUsedAndTheQueryIgnored() throws Exception {
        // OAuth 2.1 §5.1 (RS-03): the query is never a token method, so header + query is one method, not two
        for (String path : List.of("items", "mcp")) {
            HttpResponse<String> r = send(get(path + "?access_token=" + token("items:read"))
                    .header("Authorization", "Bearer " + token("items:read")));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            HttpResponse<String> bad = send(get(path + "?access_token=" + token("items:read"))
                    .header("Authorization", "Bearer not-a-jwt"));
            assertThat(bad.statusCode()).as(path).isEqualTo(401);
            assertThat(challenge(bad).error()).as(path).contains("invalid_token");
        }
    }

    @Test
    void twoAuthorizationHeadersAre400InvalidRequest() throws Exception {
        // RFC 6750 §2 / OAuth 2.1 §5.1 (RS-04): two Authorization headers are more than one method
        for (String path : List.of("items", "mcp")) {
            HttpResponse<String> r = send(get(path).header("Authorization", "Bearer " + token("items:read"))
                    .header("Authorization", "Bearer " + token("items:read items:write")));
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(challenge(r).error()).as(path).contains("invalid_request");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            HttpResponse<String> mixed = send(get(path).header("Authorization", "Basic dXNlcjpwYXNz")
                    .header("Authorization", "Bearer " + token("items:read")));
            assertThat(mixed.statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    void tokenInACookieOrOnlyInTheFormBodyIsNoCredential() throws Exception {
        // RFC 6750 §2 (RS-02, off by default): neither a cookie nor a body parameter alone authenticates: 401, no error
        for (String path : List.of("items", "mcp")) {
            HttpResponse<String> cookie = send(get(path).header("Cookie", "access_token=" + token("items:read")));
            assertThat(cookie.statusCode()).as(path).isEqualTo(401);
            assertThat(challenge(cookie).error()).as(path).isEmpty();
            HttpResponse<String> body = send(get(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token("items:read items:write"))));
            assertThat(body.statusCode()).as(path).isEqualTo(401);
            assertThat(challenge(body).error()).as(path).isEmpty();
            assertThat(challenge(body).resourceMetadata()).as(path).contains(URI.create(PRM));
        }
    }

    @Test
    void everyChallengeIsNoStoreAndSchemeMayBeFollowedBySeveralSpaces() throws Exception {
        // RFC 6750 §3 / OAuth 2.1 §5.3: error answers are not cached; RS-01: 1*SP between scheme and token
        for (String path : List.of("items", "mcp")) {
            assertThat(send(get(path)).headers().firstValue("Cache-Control")).as(path).contains("no-store");
            HttpResponse<String> invalid = send(get(path).header("Authorization", "Bearer x.y.z"));
            assertThat(invalid.statusCode()).as(path).isEqualTo(401);
            assertThat(invalid.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            assertThat(challenge(invalid).resourceMetadata()).as(path).contains(URI.create(PRM));
            HttpResponse<String> spaces = send(get(path).header("Authorization", "Bearer    " + token("items:read")));
            assertThat(spaces.statusCode()).as(path).isEqualTo(200);
            HttpResponse<String> tab = send(get(path).header("Authorization", "Bearer\t" + token("items:read")));
            assertThat(tab.statusCode()).as(path).isEqualTo(401);
            assertThat(challenge(tab).error()).as(path).contains("invalid_token");
        }
    }

    @Test
    void malformedBearerAndOtherSchemes() throws Exception {
        // malformed Bearer -> invalid_token; Basic -> no error attribute
        for (String bad : List.of("Bearer", "Bearer a b", "Bearer tok\"en", "Bearer tok,en")) {
            HttpResponse<String> r = send(get("items").header("Authorization", bad));
            assertThat(r.statusCode()).as(bad).isEqualTo(401);
            assertThat(challenge(r).error()).as(bad).contains("invalid_token");
        }
        HttpResponse<String> basic = send(get("items").header("Authorization", "Basic dXNlcjpwYXNz"));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(challenge(basic).error()).isEmpty();
    }

    @Test
    void tokenWithInjectionCharactersIsNeverReflected() throws Exception {
        // no CR/LF, no duplicated or unescaped auth-params, and the token is not echoed
        for (String bad : List.of("abc%0d%0aSet-Cookie:%20x=1", "tok\"en\\x", "a\"b, error=\"x\"")) {
            HttpResponse<String> r = send(get("items").header("Authorization", "Bearer " + bad));
            assertThat(r.statusCode()).as(bad).isIn(400, 401);
            String header = r.headers().firstValue("WWW-Authenticate").orElseThrow();
            assertThat(header).doesNotContain("\r", "\n", "Set-Cookie", bad);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(BearerChallenge.parse(header)).isPresent();
            assertThat(r.body()).doesNotContain(bad);
        }
    }

    @Test
    void hugeTokenIsRefusedQuicklyWithoutServerError() throws Exception {
        // a very large credential gets 400/401/431, never 500. Open Liberty answers a header over its limit
        // and closes the connection before it has read the whole header, and it drops a kept-alive connection that
        // has served other requests without any answer. So each try is on a connection of its own, and since TCP
        // may still report the reset rather than the answer, up to three tries until an answer can be read.
        List<Integer> answers = new ArrayList<>();
        List<IOException> resets = new ArrayList<>();
        while (answers.isEmpty() && resets.size() < 3) {
            try (HttpClient fresh = HttpClient.newHttpClient()) {
                answers.add(fresh.send(get("items").header("Authorization", "Bearer " + "a".repeat(100_000)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            } catch (IOException reset) {
                resets.add(reset);
            }
        }
        assertThat(answers).as("answers, after resets %s", resets).singleElement()
                .satisfies(status -> assertThat(status).isIn(400, 401, 413, 431));
        // and the server still serves
        assertThat(send(get("items").header("Authorization", "Bearer " + token("items:read"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void schemeIsCaseInsensitive() throws Exception {
        //
        for (String scheme : List.of("bearer", "BEARER", "bEaReR")) {
            HttpResponse<String> r = send(get("items").header("Authorization", scheme + " " + token("items:read")));
            assertThat(r.statusCode()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void servletVariantProtectsTheServlet() throws Exception {
        HttpResponse<String> none = send(get("mcp"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(challenge(none).resourceMetadata()).contains(URI.create(PRM));
        assertThat(challenge(none).error()).isEmpty();

        HttpResponse<String> ok = send(get("mcp").header("Authorization", "Bearer " + token("items:read")));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("servlet for u-alice auth=Bearer role(items:read)=true");

        HttpResponse<String> noScope = send(get("mcp").header("Authorization", "Bearer " + token("other")));
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(challenge(noScope).scope().orElseThrow().toString()).isEqualTo("items:read");
    }

    @Test
    void protectedResourceMetadataIsServedAtThePathInsertedUrl() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(PRM)).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        var json = StrictJson.parseObject(r.body()).orElseThrow();
        assertThat(json.getString("resource")).isEqualTo(RESOURCE);
        assertThat(json.getJsonArray("authorization_servers").getString(0)).isEqualTo(issuer);
        assertThat(json.getJsonArray("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        assertThat(json.getJsonArray("scopes_supported").toString()).isEqualTo("[\"items:read\",\"items:write\"]");
        assertThat(json.getString("resource_name")).isEqualTo("Items test resource");

        assertThat(send(HttpRequest.newBuilder(URI.create(PRM + "/other")).GET()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(BASE + ".well-known/oauth-protected-resource/mcp2")).GET())
                .statusCode()).isEqualTo(404);
    }
}
