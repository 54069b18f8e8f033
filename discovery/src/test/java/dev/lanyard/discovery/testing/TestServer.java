package dev.lanyard.discovery.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP or HTTPS server on 127.0.0.1 (an ephemeral port) for tests: routes by exact path, answers 404
 * elsewhere, and records every request it sees so that tests can assert that none was made.
 */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile HttpHandler fallback = exchange -> send(exchange, 404, "text/plain", "not found");

    private final String scheme;

    private TestServer(boolean https) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (https) {
                HttpsServer tls = HttpsServer.create(address, 50);
                tls.setHttpsConfigurator(new HttpsConfigurator(TestTls.server()));
                server = tls;
            } else {
                server = HttpServer.create(address, 50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheme = https ? "https" : "http";
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            try {
                routes.getOrDefault(path, fallback).handle(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    /** Starts a server on 127.0.0.1. */
    public static TestServer start() {
        TestServer test = new TestServer(false);
        test.server.start();
        return test;
    }

    /** Starts an HTTPS server on 127.0.0.1 with the {@link TestTls} certificate. */
    public static TestServer startHttps() {
        TestServer test = new TestServer(true);
        test.server.start();
        return test;
    }

    /** {@code <scheme>://<host>:<port>} followed by {@code path}; {@code host} must resolve to 127.0.0.1. */
    public URI uri(String host, String path) {
        return URI.create(origin(host) + path);
    }

    /** {@code <scheme>://<host>:<port>}. */
    public String origin(String host) {
        return scheme + "://" + host + ":" + port();
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    public URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    /** {@code <scheme>://127.0.0.1:<port>}. */
    public String origin() {
        return origin("127.0.0.1");
    }

    /** Routes one exact path to a handler. */
    public TestServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code path} with a status, content type and body. */
    public TestServer answer(String path, int status, String contentType, String body, String... headerPairs) {
        return route(path, exchange -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            send(exchange, status, contentType, body);
        });
    }

    /** Answers {@code path} with 200 JSON. */
    public TestServer json(String path, String body, String... headerPairs) {
        return answer(path, 200, "application/json", body, headerPairs);
    }

    /** The handler for paths without a route (404 by default). */
    public TestServer fallback(HttpHandler handler) {
        this.fallback = handler;
        return this;
    }

    /** Every request seen, as {@code GET /path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Sends a complete answer. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
