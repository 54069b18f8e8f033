package dev.lanyard.grants.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.fetch.FetchPolicy;
import dev.lanyard.discovery.fetch.SafeFetcher;
import dev.lanyard.grants.testing.TestClients;

class SafeJwksFetcherTest {

    @Test
    void fetchWhenPrivateAddressThenRefusedWithoutConnecting() {
        // a jwks_uri on a special-use address is never fetched
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults())) {
            SafeJwksFetcher jwks = new SafeJwksFetcher(fetcher);
            assertThatThrownBy(() -> jwks.fetch(URI.create("https://10.0.0.7/jwks"))).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> jwks.fetch(URI.create("https://127.0.0.1/jwks"))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void fetchWhenServedThenBodyAndWhenErrorStatusThenIOException() throws IOException {
        String body = TestClients.publicJwks(TestClients.PKJ_EC);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.createContext("/gone", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults().withAllowLoopback(true))) {
            SafeJwksFetcher jwks = new SafeJwksFetcher(fetcher);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(jwks.fetch(URI.create(base + "/jwks"))).isEqualTo(body);
            assertThatThrownBy(() -> jwks.fetch(URI.create(base + "/gone"))).isInstanceOf(IOException.class);
        } finally {
            server.stop(0);
        }
    }
}
