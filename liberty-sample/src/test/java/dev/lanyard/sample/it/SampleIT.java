package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import dev.lanyard.discovery.client.DiscoveryResult;
import dev.lanyard.discovery.client.McpAuthorizationDiscovery;
import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.spec.bearer.BearerChallenge;
import dev.lanyard.spec.core.StrictJson;

/**
 * The sample as a client meets it: the MCP endpoint challenges, discovery leads to the sample's own authorization
 * server, a token from it opens the MCP server to the official MCP Java SDK client.
 */
class SampleIT {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("lanyard.http.port", "9080");
    static final String MCP = BASE + "/mcp";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void mcpEndpointWithoutTokenChallengesWithResourceMetadata() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MCP))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        BearerChallenge c = BearerChallenge.parse(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .orElseThrow();
        assertThat(c.resourceMetadata()).contains(URI.create(BASE + "/.well-known/oauth-protected-resource/mcp"));
        assertThat(c.scope().orElseThrow().toString()).isEqualTo("notes:read");
        assertThat(c.error()).isEmpty();
    }

    @Test
    void mcpEndpointRefusesAForeignOriginDnsRebindingProtection() throws Exception {
        // MCP Streamable HTTP security: servers MUST validate Origin (a page of a rebound name is another origin)
        HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create(MCP))
                .header("Origin", "http://rebound.example.test:" + URI.create(BASE).getPort())
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("WWW-Authenticate")).isEmpty();
        // the sample's own origin and the configured browser clients' (the MCP Inspector) go on to the bearer check
        for (String origin : new String[] {BASE, "http://localhost:6274"}) {
            HttpResponse<String> own = HTTP.send(HttpRequest.newBuilder(URI.create(MCP)).header("Origin", origin)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).as(origin).isEqualTo(401);
        }
    }

    @Test
    void discoveryChainLeadsToTheSamplesAuthorizationServer() {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true))) {
            DiscoveryResult d = McpAuthorizationDiscovery.create(fetcher).discover(URI.create(MCP));
            assertThat(d.resource()).isEqualTo(MCP);
            assertThat(d.issuer()).isEqualTo(BASE);
            assertThat(d.authorizationServerMetadata().supportsS256()).isTrue();
            assertThat(d.authorizationServerMetadata().endpoints().token())
                    .contains(URI.create(BASE + "/token"));
            assertThat(d.scope().orElseThrow().toString()).isEqualTo("notes:read");
        }
    }

    @Test
    void mcpJavaSdkClientWithATokenListsAndCallsTools() throws Exception {
        String token = clientCredentialsToken("notes:read notes:write");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(Tool::name)
                    .containsExactlyInAnyOrder("notes_list", "notes_add");
            // the notes are kept in the database, across runs: this run's note is the last one
            String text = "buy rope " + System.nanoTime();
            CallToolResult added = client.callTool(
                    CallToolRequest.builder("notes_add").arguments(Map.of("text", text)).build());
            assertThat(added.isError()).isNotEqualTo(Boolean.TRUE);
            CallToolResult listed = client.callTool(
                    CallToolRequest.builder("notes_list").arguments(Map.of()).build());
            assertThat(listed.content()).isNotEmpty();
            assertThat(((TextContent) listed.content().get(listed.content().size() - 1)).text()).startsWith(text);
        }
    }

    @Test
    void tokenForTheMcpServerIsAudienceBoundAndReadOnlyTokensCannotWrite() throws Exception {
        String token = clientCredentialsToken("notes:read");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(BASE)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            CallToolResult listed = client.callTool(
                    CallToolRequest.builder("notes_list").arguments(Map.of()).build());
            assertThat(listed.isError()).isNotEqualTo(Boolean.TRUE);
            // the bearer filter refuses the write at the HTTP layer, before the tool runs (step-up is possible)
            assertThatThrownBy(() -> client.callTool(
                    CallToolRequest.builder("notes_add").arguments(Map.of("text", "x")).build()))
                    .isInstanceOf(McpHttpClientTransportAuthorizationException.class);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MCP))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"notes_add\",\"arguments\":{\"text\":\"x\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        BearerChallenge c = BearerChallenge.parse(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .orElseThrow();
        assertThat(c.error()).contains("insufficient_scope");
        // MCP step-up: one challenge naming every scope the call needs, with the metadata URL
        assertThat(c.scope().orElseThrow().toString()).isEqualTo("notes:read notes:write");
        assertThat(c.resourceMetadata()).contains(URI.create(BASE + "/.well-known/oauth-protected-resource/mcp"));
    }

    @Test
    void mcpSessionIsBoundToTheCallerWhoOpenedIt() throws Exception {
        // MCP security best practices, session hijacking: servers SHOULD bind session ids to user-specific information
        String agent = clientCredentialsToken("notes:read notes:write");
        HttpResponse<String> init = mcpPost(agent, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        // its opener goes on using it, with another token of the same client and subject too
        assertThat(mcpPost(agent, session, list).statusCode()).isEqualTo(200);
        assertThat(mcpPost(clientCredentialsToken("notes:read"), session, list).statusCode()).isEqualTo(200);
        // alice's valid token does not make the agent's session hers: as if it did not exist (Streamable HTTP 404)
        String alice = new UserAgent("alice", "alice-password").codeFlowTokens("notes:read").getString("access_token");
        HttpResponse<String> other = mcpPost(alice, session, list);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(mcpPost(agent, session, list).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> mcpPost(String token, String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(MCP)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18");
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String clientCredentialsToken(String scope) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                "sample-agent:sample-agent-secret-0123456789-abcdefgh".getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&resource=" + URLEncoder.encode(MCP, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        var json = StrictJson.parseObject(r.body()).orElseThrow();
        assertThat(json.getString("token_type")).isEqualToIgnoringCase("Bearer");
        return json.getString("access_token");
    }

}
