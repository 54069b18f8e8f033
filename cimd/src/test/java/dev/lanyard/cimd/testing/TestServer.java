package dev.lanyard.cimd.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS server on 127.0.0.1 (an ephemeral port) for tests: routes by exact path, answers 404 elsewhere, and
 * records every request it sees, so tests can count fetches and assert that none was made.
 */
public final class TestServer implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestServer(String san) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setHttpsConfigurator(new HttpsConfigurator(TestTls.server(san)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
            try {
                HttpHandler handler = routes.get(path);
                if (handler == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    handler.handle(exchange);
                }
            } catch (IOException e) {
                // the client hung up (deadline, body cap): expected in these tests
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** An HTTPS server presenting the trusted test certificate. */
    public static TestServer start() {
        return new TestServer(TestTls.TRUSTED);
    }

    /** An HTTPS server presenting a certificate for {@code san} (see {@link TestTls}). */
    public static TestServer start(String san) {
        return new TestServer(san);
    }

    /** {@code https://<host>:<port><path>}; {@code host} must resolve to 127.0.0.1. */
    public String url(String host, String path) {
        return "https://" + host + ":" + port() + path;
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Routes one exact path to a handler. */
    public TestServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code path} with a status, content type, body and header name/value pairs. */
    public TestServer answer(String path, int status, String contentType, String body, String... headerPairs) {
        return route(path, exchange -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            send(exchange, status, contentType, body);
        });
    }

    /** Answers {@code path} with 200 {@code application/json}. */
    public TestServer json(String path, String body, String... headerPairs) {
        return answer(path, 200, "application/json", body, headerPairs);
    }

    /** Every request seen, as {@code GET /path}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were made for {@code path}. */
    public long count(String path) {
        return requests.stream().filter(r -> r.equals("GET " + path)).count();
    }

    /** The {@code Accept} header of every request seen. */
    public List<String> acceptHeaders() {
        return List.copyOf(accepts);
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
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
