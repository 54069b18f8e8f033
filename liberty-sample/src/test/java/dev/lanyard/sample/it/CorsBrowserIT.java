package dev.lanyard.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * A browser-based MCP client's calls from a page of another origin, in a real browser (headless Chromium): from an
 * allowed origin ({@code lanyard.as.cors.allowed-origins} and {@code lanyard.rs.cors.allowed-origins}; the test
 * server adds this page's origin, {@code http://127.0.0.1:<lanyard.cors.page.port>}, to the Inspector's) the page
 * reads the metadata, registers, reads the token endpoint's OAuth error and the MCP server's {@code WWW-Authenticate}
 * challenge; from any other origin the browser keeps the token endpoint's answer from the page, while the public
 * metadata stays readable.
 */
class CorsBrowserIT {

    private static final String SCRIPT = """
            (async () => {
              const base = '%s';
              const out = {};
              const json = { 'Content-Type': 'application/json' };
              const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
              try {
                const m = await fetch(base + '/.well-known/oauth-authorization-server',
                    { headers: { 'MCP-Protocol-Version': '2025-11-25' } });
                out.metadata = (await m.json()).issuer;
                const p = await fetch(base + '/.well-known/oauth-protected-resource/mcp',
                    { headers: { 'MCP-Protocol-Version': '2025-11-25' } });
                out.prm = (await p.json()).resource;
              } catch (e) { out.metadata = 'blocked ' + e.name; }
              try {
                const r = await fetch(base + '/register', { method: 'POST', headers: json, body: JSON.stringify({
                    redirect_uris: ['http://127.0.0.1/callback'], token_endpoint_auth_method: 'none',
                    client_name: 'Browser page' }) });
                out.register = r.status + ' ' + ('client_id' in await r.json());
              } catch (e) { out.register = 'blocked ' + e.name; }
              try {
                const t = await fetch(base + '/token', { method: 'POST', headers: form,
                    body: 'grant_type=authorization_code&code=nope&client_id=sample-cli&redirect_uri='
                        + encodeURIComponent('http://127.0.0.1/callback') + '&code_verifier=' + 'a'.repeat(43) });
                out.token = t.status + ' ' + (await t.json()).error;
              } catch (e) { out.token = 'blocked ' + e.name; }
              try {
                const c = await fetch(base + '/mcp', { method: 'POST',
                    headers: { ...json, 'Accept': 'application/json, text/event-stream' },
                    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }) });
                out.mcp = c.status + ' ' + c.headers.get('WWW-Authenticate');
              } catch (e) { out.mcp = 'blocked ' + e.name; }
              return JSON.stringify(out);
            })()""";

    private static HttpServer allowedPage;
    private static HttpServer otherPage;

    @BeforeAll
    static void startPages() throws IOException {
        allowedPage = page(Integer.getInteger("lanyard.cors.page.port"));
        otherPage = page(0);
    }

    @AfterAll
    static void stopPages() {
        allowedPage.stop(0);
        otherPage.stop(0);
    }

    private static HttpServer page(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><title>A browser-based MCP client</title><h1>client</h1>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static JsonObject runFrom(Chromium browser, HttpServer page) throws InterruptedException {
        String origin = "http://127.0.0.1:" + page.getAddress().getPort();
        browser.navigate(origin + "/");
        browser.waitUntil("document.querySelector('h1') && location.origin === '" + origin + "'");
        String out = browser.text(SCRIPT.formatted(SampleIT.BASE));
        return Json.createReader(new StringReader(out)).readObject();
    }

    @Test
    void aPageOfAnAllowedOriginReadsMetadataRegistrationTheOAuthErrorAndTheChallenge() throws Exception {
        try (Chromium browser = Chromium.launch(Path.of("target", "chromium-cors.log"))) {
            JsonObject out = runFrom(browser, allowedPage);
            assertThat(out.getString("metadata")).isEqualTo(SampleIT.BASE);
            assertThat(out.getString("prm")).isEqualTo(SampleIT.MCP);
            assertThat(out.getString("register")).isEqualTo("201 true");
            // the OAuth error body is readable: the browser client can tell invalid_grant from a network failure
            assertThat(out.getString("token")).isEqualTo("400 invalid_grant");
            // the challenge is exposed: the client finds the resource metadata and the scope to ask for
            assertThat(out.getString("mcp")).startsWith("401 Bearer ")
                    .contains("resource_metadata=\"" + SampleIT.BASE + "/.well-known/oauth-protected-resource/mcp\"")
                    .contains("scope=\"notes:read\"");
        }
    }

    @Test
    void aPageOfAnotherOriginCannotReadTheTokenEndpointNorTheMcpServer() throws Exception {
        try (Chromium browser = Chromium.launch(Path.of("target", "chromium-cors-other.log"))) {
            JsonObject out = runFrom(browser, otherPage);
            // public documents: any origin
            assertThat(out.getString("metadata")).isEqualTo(SampleIT.BASE);
            assertThat(out.getString("prm")).isEqualTo(SampleIT.MCP);
            // the back channel and the resource: the browser blocks the read (fetch rejects with a TypeError)
            assertThat(out.getString("register")).isEqualTo("blocked TypeError");
            assertThat(out.getString("token")).isEqualTo("blocked TypeError");
            assertThat(out.getString("mcp")).isEqualTo("blocked TypeError");
        }
    }
}
