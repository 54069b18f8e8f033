package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/**
 * The sample keeps its state in its databases: tokens, consents, registered clients and both issuers' signing keys
 * from before a restart of the server still work after it, and the notes are still there. The server is stopped and
 * started with its installation's own script, in the middle of the test.
 */
class RestartIT {

    @Test
    void tokensConsentsAndSigningKeysSurviveARestart() throws Exception {
        UserAgent alice = new UserAgent("alice", "alice-password");
        JsonObject before = alice.codeFlowTokens("notes:read notes:write");
        String accessToken = before.getString("access_token");
        String refreshToken = before.getString("refresh_token");
        Set<String> keyIds = keyIds(alice, "/.well-known/oauth-authorization-server");
        assertThat(keyIds).isNotEmpty();
        Set<String> idpKeyIds = keyIds(alice, "/.well-known/oauth-authorization-server/idp");
        assertThat(idpKeyIds).isNotEmpty().doesNotContainAnyElementsOf(keyIds);
        // a client registered dynamically (RFC 7591) before the restart
        HttpResponse<String> registered = alice.http.send(HttpRequest.newBuilder(
                URI.create(SampleIT.BASE + "/register")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"none\","
                                + "\"client_name\":\"Restart test\",\"application_type\":\"native\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonObject client = UserAgent.json(registered);
        assertThat(toolsWith(accessToken)).containsExactlyInAnyOrder("notes_list", "notes_add");
        String note = "before the restart " + System.nanoTime();
        assertThat(call(accessToken, "notes_add", Map.of("text", note)).isError()).isNotEqualTo(Boolean.TRUE);

        SampleServer.restart();

        // the same signing keys: generated on the first start, read back from the database (each issuer its own)
        assertThat(keyIds(alice, "/.well-known/oauth-authorization-server")).isEqualTo(keyIds);
        assertThat(keyIds(alice, "/.well-known/oauth-authorization-server/idp")).isEqualTo(idpKeyIds);
        // the registered client is still known (RFC 7592 §2.1 read with its registration access token)
        HttpResponse<String> read = alice.http.send(HttpRequest.newBuilder(
                URI.create(client.getString("registration_client_uri")))
                .header("Authorization", "Bearer " + client.getString("registration_access_token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(UserAgent.json(read).getString("client_id")).isEqualTo(client.getString("client_id"));
        // so the access token issued before the restart is still accepted by the MCP server
        assertThat(toolsWith(accessToken)).containsExactlyInAnyOrder("notes_list", "notes_add");
        // and the MCP server's notes are in the database too
        assertThat(call(accessToken, "notes_list", Map.of()).content()).map(c -> ((TextContent) c).text())
                .anyMatch(t -> t.startsWith(note));
        // the refresh token family and the user's consent (a refresh needs a standing consent) were kept:
        // the refresh works and rotates (OAuth 2.1 §4.3.1)
        HttpResponse<String> refreshed = alice.refresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonObject after = UserAgent.json(refreshed);
        assertThat(after.getString("refresh_token")).isNotEqualTo(refreshToken);
        assertThat(toolsWith(after.getString("access_token"))).contains("notes_list");
        // the rotated-out token is known as used across the restart: its reuse is refused (RFC 9700 §4.14.2)
        HttpResponse<String> reused = alice.refresh(refreshToken);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(UserAgent.json(reused).getString("error")).isEqualTo("invalid_grant");
    }

    private static Set<String> keyIds(UserAgent agent, String metadataPath) throws Exception {
        JsonObject metadata = UserAgent.json(agent.get(metadataPath));
        HttpResponse<String> jwks = agent.get(metadata.getString("jwks_uri"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        return UserAgent.json(jwks).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid")).collect(Collectors.toSet());
    }

    private static CallToolResult call(String accessToken, String tool, Map<String, Object> arguments) {
        try (McpSyncClient client = client(accessToken)) {
            client.initialize();
            return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
        }
    }

    private static McpSyncClient client(String accessToken) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(SampleIT.BASE)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + accessToken))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }

    private static Set<String> toolsWith(String accessToken) {
        try (McpSyncClient client = client(accessToken)) {
            client.initialize();
            return client.listTools().tools().stream().map(Tool::name).collect(Collectors.toSet());
        }
    }
}
