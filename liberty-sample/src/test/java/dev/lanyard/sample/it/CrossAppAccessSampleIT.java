package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.grants.idjag.IdJagClient;
import dev.lanyard.grants.idjag.IdJagClientException;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.metadata.AuthorizationServerMetadata;
import dev.lanyard.spec.token.AccessTokenResponse;

/**
 * Cross App Access end to end against the running sample: an employee signs in at the enterprise IdP (issuer
 * {@code <base>/idp}, the second application) with the OpenID Connect code flow, the sample agent exchanges the ID
 * token there for an ID-JAG addressed to the MCP authorization server (issuer {@code <base>}), redeems it at that
 * server with the JWT bearer grant, and calls the MCP server with the access token through the official MCP Java
 * SDK client. No consent page on the way. The IdP is found through its path-inserted metadata URL.
 */
class CrossAppAccessSampleIT {

    static final String BASE = SampleIT.BASE;
    static final String MCP = SampleIT.MCP;
    static final String IDP = BASE + "/idp";
    static final String CALLBACK = "http://127.0.0.1/callback";
    static final String AGENT = "sample-agent";
    static final String AGENT_AT_IDP_SECRET = "sample-agent-idp-secret-0123456789-abcd";
    static final String AGENT_AT_AS_SECRET = "sample-agent-secret-0123456789-abcdefgh";

    /** A user agent: keeps cookies, follows no redirect by itself (each hop is checked). */
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void idpMetadataIsAtThePathInsertedUrlOfTheServerRootAndNamesTheIdpIssuer() throws Exception {
        // RFC 8414 §3.1: issuer <base>/idp has its metadata at <base>/.well-known/oauth-authorization-server/idp
        HttpResponse<String> inserted = get(BASE + "/.well-known/oauth-authorization-server/idp");
        assertThat(inserted.statusCode()).isEqualTo(200);
        assertThat(inserted.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonObject idp = json(inserted);
        // RFC 8414 §3.3: the issuer is identical to the one the URL was built from
        assertThat(idp.getString("issuer")).isEqualTo(IDP);
        assertThat(idp.getString("token_endpoint")).isEqualTo(IDP + "/token");
        assertThat(idp.getString("jwks_uri")).isEqualTo(IDP + "/jwks");
        // ID-JAG §7: the IdP role is published; OpenID Provider metadata too
        assertThat(idp.getJsonArray("identity_chaining_requested_token_types_supported").getString(0))
                .isEqualTo(TokenTypeUri.ID_JAG.value());
        assertThat(idp.getJsonArray("scopes_supported").toString()).contains("\"openid\"");

        // OpenID Connect Discovery 1.0 §4: appended to the issuer, served by the IdP application itself
        assertThat(json(get(IDP + "/.well-known/openid-configuration")).getString("issuer")).isEqualTo(IDP);
        // RFC 8414 §5: OpenID's inserted form, also forwarded from the root
        assertThat(json(get(BASE + "/.well-known/openid-configuration/idp")).getString("issuer")).isEqualTo(IDP);
        // the root issuer keeps its own document, with the resource role of Cross App Access, never the IdP's
        JsonObject root = json(get(BASE + "/.well-known/oauth-authorization-server"));
        assertThat(root.getString("issuer")).isEqualTo(BASE);
        assertThat(root.getJsonArray("authorization_grant_profiles_supported").getString(0))
                .isEqualTo("urn:ietf:params:oauth:grant-profile:id-jag");
        assertThat(root.toString()).doesNotContain(IDP);

        // a client finds it the way the MCP authorization server does: insertion first, issuer checked
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true))) {
            AuthorizationServerMetadata discovered = McpAuthorizationDiscovery.create(fetcher)
                    .authorizationServer(IDP);
            assertThat(discovered.issuer()).isEqualTo(IDP);
            assertThat(discovered.endpoints().token()).contains(URI.create(IDP + "/token"));
        }
    }

    @Test
    void pathInsertedMetadataOtherThanTheExactIssuerPathIs404() throws Exception {
        // a trailing slash or an unknown tenant never gets a document (not the root's, not the IdP's)
        assertThat(get(BASE + "/.well-known/oauth-authorization-server/idp/").statusCode()).isEqualTo(404);
        assertThat(get(BASE + "/.well-known/oauth-authorization-server/zz").statusCode()).isEqualTo(404);
        assertThat(get(BASE + "/.well-known/oauth-authorization-server/idp2").statusCode()).isEqualTo(404);
        // the IdP's forward target answers only for the URL the client asked: directly it has nothing
        assertThat(get(IDP + "/lanyard/metadata").statusCode()).isEqualTo(404);
        // the IdP application serves no document for the root issuer, nor the root one for the IdP's appended form
        assertThat(get(IDP + "/.well-known/oauth-authorization-server").statusCode()).isEqualTo(404);
    }

    @Test
    void employeeSignsInAtTheIdpAgentGetsAnIdJagRedeemsItAndCallsTheMcpServer() throws Exception {
        String idToken = signInAtIdp("carol", "carol-password", "n-" + System.nanoTime());
        JsonObject id = claims(idToken);
        assertThat(id.getString("iss")).isEqualTo(IDP);
        assertThat(id.getString("sub")).isEqualTo("emp-1001");

        IdJagClient xaa = new IdJagClient(
                IdJagClient.overHttp(browser, URI.create(IDP + "/token"), basic(AGENT, AGENT_AT_IDP_SECRET)),
                IdJagClient.overHttp(browser, URI.create(BASE + "/token"), basic(AGENT, AGENT_AT_AS_SECRET)));
        // ID-JAG §4.3: token exchange at the IdP, audience the MCP authorization server's issuer
        AccessTokenResponse idJag = xaa.requestIdJag(BASE, List.of(new ResourceIndicator(MCP)),
                Optional.of(Scope.of("notes:read", "notes:write")), idToken, TokenTypeUri.ID_TOKEN);
        assertThat(idJag.refreshToken()).isEmpty();
        assertThat(header(idJag.accessToken()).getString("typ")).isEqualTo("oauth-id-jag+jwt");
        JsonObject grant = claims(idJag.accessToken());
        assertThat(grant.getString("iss")).isEqualTo(IDP);
        assertThat(grant.toString()).contains("\"aud\":\"" + BASE + "\"");
        assertThat(grant.getString("client_id")).isEqualTo(AGENT);
        assertThat(grant.getString("sub")).isEqualTo("emp-1001");

        // ID-JAG §4.4: the MCP authorization server trusts the IdP (keys through its metadata) and issues a token
        AccessTokenResponse token = xaa.redeem(idJag.accessToken(), List.of(), Optional.empty());
        assertThat(token.isBearer()).isTrue();
        assertThat(token.refreshToken()).isEmpty();
        JsonObject at = claims(token.accessToken());
        assertThat(at.getString("iss")).isEqualTo(BASE);
        assertThat(at.toString()).contains("\"aud\":\"" + MCP + "\"");
        assertThat(at.getString("sub")).isEqualTo("emp-1001");
        assertThat(at.getString("client_id")).isEqualTo(AGENT);

        // ID-JAG §4.4.1: used once only
        assertThatThrownBy(() -> xaa.redeem(idJag.accessToken(), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().orElseThrow().code()).isEqualTo("invalid_grant"));

        // the MCP server accepts the token: the official MCP Java SDK client lists and calls tools as carol
        try (McpSyncClient client = mcpClient(token.accessToken())) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(Tool::name).contains("notes_list", "notes_add");
            String note = "from Cross App Access " + System.nanoTime();
            CallToolResult added = client.callTool(
                    CallToolRequest.builder("notes_add").arguments(Map.of("text", note)).build());
            assertThat(added.isError()).as(added.toString()).isNotEqualTo(Boolean.TRUE);
            CallToolResult listed = client.callTool(
                    CallToolRequest.builder("notes_list").arguments(Map.of()).build());
            assertThat(listed.content()).anySatisfy(c -> assertThat(((TextContent) c).text()).startsWith(note));
        }
    }

    @Test
    void idJagForReadOnlyGivesAReadOnlyTokenAndScopesBeyondThePolicyAreRefused() throws Exception {
        String idToken = signInAtIdp("dave", "dave-password", "n-" + System.nanoTime());
        IdJagClient xaa = new IdJagClient(
                IdJagClient.overHttp(browser, URI.create(IDP + "/token"), basic(AGENT, AGENT_AT_IDP_SECRET)),
                IdJagClient.overHttp(browser, URI.create(BASE + "/token"), basic(AGENT, AGENT_AT_AS_SECRET)));
        // ID-JAG §4.3: the IdP's policy allows notes:read and notes:write only, for <base>/mcp only
        assertThatThrownBy(() -> xaa.requestIdJag(BASE, List.of(new ResourceIndicator(MCP)),
                Optional.of(Scope.of("admin")), idToken, TokenTypeUri.ID_TOKEN))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().orElseThrow().code()).isEqualTo("invalid_scope"));
        assertThatThrownBy(() -> xaa.requestIdJag(BASE, List.of(new ResourceIndicator(BASE + "/other")),
                Optional.of(Scope.of("notes:read")), idToken, TokenTypeUri.ID_TOKEN))
                .isInstanceOfSatisfying(IdJagClientException.class,
                        e -> assertThat(e.error().orElseThrow().code()).isEqualTo("invalid_target"));

        AccessTokenResponse token = xaa.accessToken(BASE, List.of(new ResourceIndicator(MCP)),
                Optional.of(Scope.of("notes:read")), idToken, TokenTypeUri.ID_TOKEN);
        assertThat(claims(token.accessToken()).getString("scope")).isEqualTo("notes:read");
        try (McpSyncClient client = mcpClient(token.accessToken())) {
            client.initialize();
            // refused at the HTTP layer: 403 insufficient_scope (the tool's scope, lanyard.rs.tool-scopes.notes_add)
            assertThatThrownBy(() -> client.callTool(
                    CallToolRequest.builder("notes_add").arguments(Map.of("text", "x")).build()))
                    .isInstanceOf(McpHttpClientTransportAuthorizationException.class);
        }
    }

    @Test
    void theRootAuthorizationServerRefusesAnIdTokenOrAForgedIssuerAsAssertion() throws Exception {
        // ID-JAG §4.4.1 / RFC 7523 §3: only an ID-JAG of a trusted issuer, addressed to this server, is a grant
        String idToken = signInAtIdp("carol", "carol-password", "n-" + System.nanoTime());
        HttpResponse<String> r = post(BASE + "/token", form("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", idToken), basic(AGENT, AGENT_AT_AS_SECRET));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).getString("error")).isEqualTo("invalid_grant");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void signingInAtTheIdpDoesNotSignTheUserInAtTheMcpAuthorizationServer() throws Exception {
        // each issuer authenticates its own users: an IdP session (Liberty's shared SSO cookie) is no sign-in here
        signInAtIdp("carol", "carol-password", "n-" + System.nanoTime());
        HttpResponse<String> page = followRedirects(rootAuthorizeUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.body()).contains("j_security_check");
    }

    @Test
    void signingInAtTheMcpAuthorizationServerDoesNotSignTheUserInAtTheIdp() throws Exception {
        // a root user (alice) signed in at the MCP authorization server, up to its consent page
        HttpResponse<String> login = followRedirects(rootAuthorizeUrl());
        assertThat(login.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> consent = followRedirects(post(BASE + "/j_security_check",
                form("j_username", "alice", "j_password", "alice-password"), null));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.uri().getPath()).isEqualTo("/authorize");
        // is no employee at the IdP: its authorization endpoint sends her to the employee sign-on page
        HttpResponse<String> idp = followRedirects(IDP + "/authorize?" + form("response_type", "code",
                "client_id", AGENT, "redirect_uri", CALLBACK, "scope", "openid", "state", "s1",
                "code_challenge", CodeVerifier.random().challenge().value(), "code_challenge_method", "S256"));
        assertThat(idp.statusCode()).isEqualTo(200);
        assertThat(idp.uri().getPath()).isEqualTo("/idp/sso");
        // and an employee can still sign in there
        assertThat(claims(signInAtIdp("dave", "dave-password", "n-1")).getString("sub")).isEqualTo("emp-1002");
    }

    static String rootAuthorizeUrl() {
        return BASE + "/authorize?" + form("response_type", "code", "client_id", "sample-cli", "redirect_uri",
                CALLBACK, "scope", "notes:read", "resource", MCP, "state", "s1",
                "code_challenge", CodeVerifier.random().challenge().value(), "code_challenge_method", "S256");
    }

    /** Follows redirects on this server (never to the client's redirect URI: no code may come) to a page. */
    HttpResponse<String> followRedirects(String url) throws Exception {
        return followRedirects(get(url));
    }

    HttpResponse<String> followRedirects(HttpResponse<String> first) throws Exception {
        HttpResponse<String> r = first;
        for (int hop = 0; hop < 8 && r.statusCode() / 100 == 3; hop++) {
            String next = r.uri().resolve(location(r)).toString();
            assertThat(next).as("no code without signing in at that issuer").startsWith(BASE + "/");
            r = get(next);
        }
        return r;
    }

    /**
     * The OpenID Connect code flow with PKCE at the IdP, as a browser: authorize, the IdP's sign-in form, back to the
     * redirect URI with a code (no consent page: the IdP's clients are managed), then the code for tokens.
     *
     * @return the ID token
     */
    String signInAtIdp(String login, String password, String nonce) throws Exception {
        CodeVerifier verifier = CodeVerifier.random();
        String state = "s-" + System.nanoTime();
        String url = IDP + "/authorize?" + form("response_type", "code", "client_id", AGENT, "redirect_uri", CALLBACK,
                "scope", "openid", "state", state, "nonce", nonce, "code_challenge", verifier.challenge().value(),
                "code_challenge_method", "S256");
        List<String> pages = new ArrayList<>();
        HttpResponse<String> r = get(url);
        for (int hop = 0; hop < 12 && !location(r).startsWith(CALLBACK); hop++) {
            if (r.statusCode() == 200) {
                // the only page on the way is the IdP's sign-in form (never a consent page)
                assertThat(r.body()).as("page " + r.uri()).contains("j_security_check");
                pages.add(r.uri().getPath());
                r = post(r.uri().resolve("j_security_check").toString(), form("j_username", login,
                        "j_password", password), null);
            } else {
                assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isIn(302, 303);
                String next = URI.create(r.uri().toString()).resolve(location(r)).toString();
                assertThat(next).as("every hop stays on the IdP").startsWith(IDP + "/");
                r = get(next);
            }
        }
        assertThat(pages).containsExactly("/idp/sso");
        Map<String, String> answer = query(location(r));
        assertThat(answer).containsEntry("state", state).containsEntry("iss", IDP);
        HttpResponse<String> tokens = post(IDP + "/token", form("grant_type", "authorization_code",
                "code", answer.get("code"), "redirect_uri", CALLBACK, "code_verifier", verifier.value()),
                basic(AGENT, AGENT_AT_IDP_SECRET));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String idToken = json(tokens).getString("id_token");
        JsonObject claims = claims(idToken);
        // OpenID Connect Core §3.1.3.7: aud is the client, nonce the one sent
        assertThat(claims.toString()).contains("\"aud\":\"" + AGENT + "\"");
        assertThat(claims.getString("nonce")).isEqualTo(nonce);
        return idToken;
    }

    McpSyncClient mcpClient(String accessToken) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + accessToken))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }

    HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    static String form(String... pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        for (String pair : q == null ? new String[0] : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String basic(String id, String secret) {
        // RFC 6749 §2.3.1: form-urlencoded id and secret, then Base64
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.body()).startsWith("application/json");
        return StrictJson.parseObject(r.body()).orElseThrow();
    }

    static JsonObject header(String jwt) {
        return part(jwt, 0);
    }

    static JsonObject claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonObject part(String jwt, int index) {
        return StrictJson.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]),
                StandardCharsets.UTF_8)).orElseThrow();
    }
}
