package dev.lanyard.discovery.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.discovery.fetch.FetchException.Reason;
import dev.lanyard.discovery.testing.TestServer;
import dev.lanyard.discovery.testing.TestTls;

class SafeFetcherTest {

    private static final FetchPolicy LOOPBACK = FetchPolicy.defaults().withAllowLoopback(true);

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.json("/doc", "{\"ok\":true}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A resolver that answers {@code name} with {@code addresses} and knows no other name. */
    private static HostResolver resolving(String name, InetAddress... addresses) {
        return host -> {
            if (host.equals(name)) {
                return List.of(addresses);
            }
            throw new UnknownHostException(host);
        };
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static Reason reasonOf(Runnable fetch) {
        try {
            fetch.run();
        } catch (FetchException e) {
            return e.reason();
        }
        throw new AssertionError("no FetchException");
    }

    @Test
    void fetchWhenLoopbackAllowedThenReadsBody() {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            FetchResult result = fetcher.fetch(server.uri("/doc"));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.bodyAsString()).isEqualTo("{\"ok\":true}");
            assertThat(result.mediaType()).contains("application/json");
            assertThat(result.uri()).isEqualTo(server.uri("/doc"));
        }
    }

    // RFC 7662 §2.1: a form POST with client authentication, read like a fetch
    @Test
    void postWhenFormAndAuthorizationThenSentAndAnswerRead() {
        String[] seen = new String[3];
        server.route("/introspect", exchange -> {
            seen[0] = exchange.getRequestMethod();
            seen[1] = exchange.getRequestHeaders().getFirst("Content-Type");
            seen[2] = exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            TestServer.send(exchange, 200, "application/json", "{\"active\":false}");
        });
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            FetchResult result = fetcher.post(server.uri("/introspect"), "token=abc&token_type_hint=access_token",
                    java.util.Optional.of("Basic cnM6c2VjcmV0"));
            assertThat(result.bodyAsString()).isEqualTo("{\"active\":false}");
        }
        assertThat(seen[0]).isEqualTo("POST");
        assertThat(seen[1]).startsWith("application/x-www-form-urlencoded");
        assertThat(seen[2]).isEqualTo("Basic cnM6c2VjcmV0 token=abc&token_type_hint=access_token");
    }

    // A POST is never redirected, not even to the same origin
    @Test
    void postWhenRedirectThenRefusedEvenIfPolicyFollowsSameOrigin() {
        server.answer("/moved", 307, null, "", "Location", "/doc");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withMaxRedirects(2))) {
            assertThat(reasonOf(() -> fetcher.post(server.uri("/moved"), "token=abc", java.util.Optional.empty())))
                    .isEqualTo(Reason.REDIRECT_REFUSED);
        }
        assertThat(server.requests()).containsExactly("POST /moved");
    }

    // The special-use address rules hold for POST as for GET
    @Test
    void postWhenLoopbackAndDefaultPolicyThenSpecialUseAndNoRequest() {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults())) {
            assertThat(reasonOf(() -> fetcher.post(URI.create("https://127.0.0.1:" + server.port() + "/doc"), "a=b",
                    java.util.Optional.empty()))).isEqualTo(Reason.SPECIAL_USE_ADDRESS);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fetchWhenLoopbackLiteralAndDefaultPolicyThenSpecialUseAndNoRequest() {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults())) {
            URI uri = URI.create("https://127.0.0.1:" + server.port() + "/doc");
            assertThatThrownBy(() -> fetcher.fetch(uri))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.SPECIAL_USE_ADDRESS);
                        assertThat(e.uri()).isEqualTo(uri);
                    })
                    .hasMessageContaining(uri.toString())
                    .hasMessageContaining("127.0.0.0/8")
                    .hasMessageContaining("RFC 6890");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fetchWhenLoopbackNameAndDefaultPolicyThenSpecialUseAndNoRequest() throws Exception {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults(), resolving("mcp.test", ip("127.0.0.1")))) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create("https://mcp.test:" + server.port() + "/doc"))))
                    .isEqualTo(Reason.SPECIAL_USE_ADDRESS);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fetchWhenPlainHttpAndDefaultPolicyThenSchemeRefused() {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults())) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/doc")))).isEqualTo(Reason.SCHEME_REFUSED);
        }
        assertThat(server.requests()).isEmpty();
    }

    // A-082, CIMD §6.5, RFC 6890: every special-use answer is refused before any connection.
    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fe80::1",
        "fc00::1", "64:ff9b::a00:1", "224.0.0.1", "0.0.0.0", "::", "255.255.255.255"})
    void fetchWhenNameResolvesToSpecialUseThenRefusedWithoutConnection(String literal) throws Exception {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("evil.test", ip(literal)))) {
            URI uri = URI.create("http://evil.test:" + server.port() + "/doc");
            assertThatThrownBy(() -> fetcher.fetch(uri))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SPECIAL_USE_ADDRESS))
                    .hasMessageContaining("evil.test");
        }
        assertThat(server.requests()).isEmpty();
    }

    // ffff:10.0.0.1 kept as an IPv6 address (as a resolver may return it) is classified by its IPv4 part.
    @Test
    void fetchWhenNameResolvesToIpv4MappedPrivateThenRefused() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        InetAddress address = Inet6Address.getByAddress("evil.test", mapped, -1);
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("evil.test", address))) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://evil.test:" + server.port() + "/doc"))))
                    .isEqualTo(Reason.SPECIAL_USE_ADDRESS);
        }
        assertThat(server.requests()).isEmpty();
    }

    // A-082 mixed answer: one reachable loopback address (allowed) and one private address: refused whole, and the
    // server on the allowed address sees no request.
    @Test
    void fetchWhenAnyAnswerIsSpecialUseThenRefusedWhole() throws Exception {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK,
                resolving("mixed.test", ip("127.0.0.1"), ip("10.0.0.1")))) {
            URI uri = URI.create("http://mixed.test:" + server.port() + "/doc");
            assertThatThrownBy(() -> fetcher.fetch(uri)).hasMessageContaining("10.0.0.1");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fetchWhenResolverAnswersLoopbackAndLoopbackAllowedThenConnectsToCheckedAddress() throws Exception {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("mcp.test", ip("127.0.0.1")))) {
            FetchResult result = fetcher.fetch(URI.create("http://mcp.test:" + server.port() + "/doc"));
            assertThat(result.status()).isEqualTo(200);
        }
        assertThat(server.requests()).containsExactly("GET /doc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/doc", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/x",
        "http://[::ffff:10.0.0.1]/x", "http://[64:ff9b::a00:1]/x", "https://192.168.0.1/x"})
    void fetchWhenIpLiteralIsSpecialUseThenRefused(String url) {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, host -> {
            throw new AssertionError("IP literals are not looked up: " + host);
        })) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create(url)))).isEqualTo(Reason.SPECIAL_USE_ADDRESS);
        }
    }

    // A-006 style: numeric hosts that resolvers read differently from URL parsers are refused.
    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/x", "http://127.1/x", "http://0x7f.0.0.1/x", "http://010.0.0.1/x"})
    void fetchWhenHostIsAmbiguousNumericThenInvalidUrl(String url) {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create(url)))).isEqualTo(Reason.INVALID_URL);
        }
    }

    // RFC 6890, A-082: what a URL's host alone says, for checks when a URL is registered (no lookup)
    @Test
    void refusesLiteralHostWhenSpecialUseOrAmbiguousLiteralThenTrueForNamesAndPublicAddressesFalse() {
        for (String url : List.of("https://10.0.0.7/jwks", "https://169.254.169.254/x", "https://[::1]/x",
                "https://127.0.0.1/x", "https://[fd00::1]/x", "https://[::ffff:10.0.0.1]/x", "https://2130706433/x",
                "https://0X7F000001/x", "https://0.0.0.0/x", "https://[64:ff9b::a00:7]/x")) {
            assertThat(SafeFetcher.refusesLiteralHost(URI.create(url))).as(url).isTrue();
        }
        for (String url : List.of("https://as.example.test/jwks", "https://93.184.216.34/x",
                "https://[2606:4700:4700::1111]/x", "urn:x:y")) {
            assertThat(SafeFetcher.refusesLiteralHost(URI.create(url))).as(url).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "https://user:pass@example.test/x", "mailto:a@example.test"})
    void fetchWhenNotAnAbsoluteUrlWithHostThenInvalidUrl(String url) {
        try (SafeFetcher fetcher = SafeFetcher.create(FetchPolicy.defaults())) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create(url)))).isEqualTo(Reason.INVALID_URL);
        }
    }

    @Test
    void fetchWhenSchemeIsNotHttpThenSchemeRefused() {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create("ftp://127.0.0.1/x")))).isEqualTo(Reason.SCHEME_REFUSED);
        }
    }

    @Test
    void fetchWhenPortNotAllowedThenPortRefused() {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withAllowedPorts(Set.of(443)))) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/doc")))).isEqualTo(Reason.PORT_REFUSED);
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void fetchWhenHostUnknownThenUnknownHost() {
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("known.test"))) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create("https://unknown.test/x"))))
                    .isEqualTo(Reason.UNKNOWN_HOST);
        }
    }

    @Test
    void fetchWhenNothingListensThenConnectFailed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThat(reasonOf(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/x"))))
                    .isEqualTo(Reason.CONNECT_FAILED);
        }
    }

    @Test
    void fetchWhenHttpsServerAnswersPlainHttpThenTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
                URI uri = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/doc");
                assertThatThrownBy(() -> fetcher.fetch(uri))
                        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TLS))
                        .hasMessageContaining("RFC 9525");
            }
            answer.join(2_000);
        }
    }

    @Test
    void fetchWhenHttpsWithTrustedCertificateThenReadsBody() throws Exception {
        try (TestServer tls = TestServer.startHttps();
                SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("mcp.example.test", ip("127.0.0.1")),
                        TestTls.clientTrust())) {
            tls.json("/doc", "{\"tls\":true}");
            FetchResult result = fetcher.fetch(tls.uri("mcp.example.test", "/doc"));
            assertThat(result.bodyAsString()).isEqualTo("{\"tls\":true}");
        }
    }

    // a self-signed certificate is refused with the default trust; TLS checks cannot be turned off.
    @Test
    void fetchWhenCertificateNotTrustedThenTlsAndNoRequest() throws Exception {
        try (TestServer tls = TestServer.startHttps();
                SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("mcp.example.test", ip("127.0.0.1")))) {
            tls.json("/doc", "{}");
            assertThat(reasonOf(() -> fetcher.fetch(tls.uri("mcp.example.test", "/doc")))).isEqualTo(Reason.TLS);
            assertThat(tls.requests()).isEmpty();
        }
    }

    // wrong host name for the certificate
    @Test
    void fetchWhenCertificateForAnotherHostThenTls() throws Exception {
        try (TestServer tls = TestServer.startHttps();
                SafeFetcher fetcher = SafeFetcher.create(LOOPBACK, resolving("wrong-host.test", ip("127.0.0.1")),
                        TestTls.clientTrust())) {
            tls.json("/doc", "{}");
            assertThat(reasonOf(() -> fetcher.fetch(tls.uri("wrong-host.test", "/doc")))).isEqualTo(Reason.TLS);
            assertThat(tls.requests()).isEmpty();
        }
    }

    @Test
    void fetchWhenContentLengthOverCapThenBodyTooLargeWithoutReading() {
        server.route("/big", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 10 * 1024 * 1024);
            writeSlowly(exchange.getResponseBody(), 10 * 1024 * 1024, new AtomicLong());
        });
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThatThrownBy(() -> fetcher.fetch(server.uri("/big")))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE))
                    .hasMessageContaining("65536");
        }
    }

    // CIMD §6.6 / CM-07: a 10 MB streamed body stops at the cap; the server cannot write it all.
    @Test
    void fetchWhenStreamedBodyOverCapThenBodyTooLargeAndReadingStopsEarly() throws Exception {
        AtomicLong written = new AtomicLong();
        int total = 10 * 1024 * 1024;
        server.route("/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            writeSlowly(exchange.getResponseBody(), total, written);
        });
        long start = System.nanoTime();
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withTotalTimeout(Duration.ofSeconds(20)))) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/stream")))).isEqualTo(Reason.BODY_TOO_LARGE);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(written.get()).isLessThan(total);
    }

    @Test
    void fetchWhenBodyTricklesThenTotalTimeout() {
        server.route("/slow", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                sleep(100);
            }
        });
        long start = System.nanoTime();
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withTotalTimeout(Duration.ofMillis(800)))) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/slow")))).isEqualTo(Reason.TIMEOUT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    // Many fetches queue for the four connections of one route; the deadline cancels the waiting ones, which must
    // fail as TIMEOUT like the others (not with HttpClient's "Endpoint not acquired" IllegalStateException)
    @Test
    void fetchWhenManyConcurrentFetchesOutliveTheDeadlineThenEachTimesOut() throws Exception {
        server.route("/slow", exchange -> sleep(3_000));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withTotalTimeout(Duration.ofMillis(600)))) {
            List<java.util.concurrent.Future<Reason>> reasons = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reasons.add(pool.submit(() -> reasonOf(() -> fetcher.fetch(server.uri("/slow")))));
            }
            for (java.util.concurrent.Future<Reason> reason : reasons) {
                assertThat(reason.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Reason.TIMEOUT);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // The deadline can cancel a request while HttpClient leases, connects or waits for the answer; HttpClient then
    // fails in several ways (an I/O error, an IllegalStateException, a NullPointerException from its connection
    // operator). Deadlines from 20 to 2,000 microseconds sweep those windows: every failure must be a TIMEOUT.
    @Test
    void fetchWhenDeadlineFallsAnywhereInLeaseOrConnectThenTimeout() throws Exception {
        server.route("/slow", exchange -> sleep(300));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int micros = 20; micros <= 2_000; micros += 20) {
                try (SafeFetcher fetcher = SafeFetcher.create(
                        LOOPBACK.withTotalTimeout(Duration.ofNanos(micros * 1_000L)))) {
                    List<java.util.concurrent.Future<Reason>> round = new java.util.ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        round.add(pool.submit(() -> reasonOf(() -> fetcher.fetch(server.uri("/slow")))));
                    }
                    for (java.util.concurrent.Future<Reason> reason : round) {
                        assertThat(reason.get(10, java.util.concurrent.TimeUnit.SECONDS))
                                .as("deadline of %d us", micros).isEqualTo(Reason.TIMEOUT);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fetchWhenServerNeverAnswersThenTimeout() {
        server.route("/silent", exchange -> sleep(5_000));
        long start = System.nanoTime();
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withTotalTimeout(Duration.ofMillis(600)))) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/silent")))).isEqualTo(Reason.TIMEOUT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    // a redirect is not followed; no request reaches the Location.
    @Test
    void fetchWhenRedirectAndDefaultPolicyThenRedirectRefused() {
        server.answer("/moved", 302, null, "", "Location", "/doc");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThatThrownBy(() -> fetcher.fetch(server.uri("/moved")))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REDIRECT_REFUSED))
                    .hasMessageContaining("/doc");
        }
        assertThat(server.requests()).containsExactly("GET /moved");
    }

    @Test
    void fetchWhenSameOriginRedirectAllowedThenFollowed() {
        server.answer("/moved", 301, null, "", "Location", "/doc");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withMaxRedirects(1))) {
            FetchResult result = fetcher.fetch(server.uri("/moved"));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.uri()).isEqualTo(server.uri("/doc"));
        }
        assertThat(server.requests()).containsExactly("GET /moved", "GET /doc");
    }

    @Test
    void fetchWhenRedirectsExceedPolicyThenRedirectRefused() {
        server.answer("/a", 302, null, "", "Location", "/b");
        server.answer("/b", 302, null, "", "Location", "/doc");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withMaxRedirects(1))) {
            assertThat(reasonOf(() -> fetcher.fetch(server.uri("/a")))).isEqualTo(Reason.REDIRECT_REFUSED);
        }
        assertThat(server.requests()).containsExactly("GET /a", "GET /b");
    }

    // never across origins, whatever the policy: another port, another host, loopback admin pages.
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:%d/doc", "http://127.0.0.1:%d/doc?other-port", "http://127.0.0.1/admin",
        "https://127.0.0.1:%d/doc"})
    void fetchWhenCrossOriginRedirectThenRefusedAndNotFollowed(String location) {
        try (TestServer other = TestServer.start()) {
            other.json("/doc", "{}");
            String target = location.replace("?other-port", "").formatted(location.contains("other-port")
                    ? other.port() : server.port());
            server.answer("/moved", 307, null, "", "Location", target);
            try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK.withMaxRedirects(3))) {
                assertThat(reasonOf(() -> fetcher.fetch(server.uri("/moved")))).isEqualTo(Reason.REDIRECT_REFUSED);
            }
            assertThat(other.requests()).isEmpty();
            assertThat(server.requests()).containsExactly("GET /moved");
        }
    }

    @Test
    void fetchWhenSuccessIsHtmlThenContentTypeRefused() {
        server.answer("/page", 200, "text/html; charset=utf-8", "<html>sign in</html>");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThatThrownBy(() -> fetcher.fetch(server.uri("/page")))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CONTENT_TYPE_REFUSED))
                    .hasMessageContaining("text/html")
                    .hasMessageNotContaining("sign in");
        }
    }

    @Test
    void fetchWhenErrorStatusThenReturnedWhateverTheContentType() {
        server.answer("/missing", 404, "text/html", "<html>no</html>");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            FetchResult result = fetcher.fetch(server.uri("/missing"));
            assertThat(result.status()).isEqualTo(404);
            assertThat(result.isSuccess()).isFalse();
        }
    }

    @Test
    void fetchWhenStructuredJsonSuffixThenAccepted() {
        server.answer("/jwks", 200, "application/jwk-set+json", "{\"keys\":[]}");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            assertThat(fetcher.fetch(server.uri("/jwks")).bodyAsString()).isEqualTo("{\"keys\":[]}");
        }
    }

    @Test
    void probeWhenUnauthorizedThenEveryChallengeKeptAndNoBody() {
        server.route("/mcp", exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "DPoP algs=\"ES256\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer resource_metadata=\"https://x/prm\"");
            exchange.getResponseHeaders().add("X-Unrelated", "dropped");
            TestServer.send(exchange, 401, "text/html", "<html>login</html>");
        });
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK)) {
            FetchResult result = fetcher.probe(server.uri("/mcp"));
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.headerValues("www-authenticate"))
                    .containsExactly("DPoP algs=\"ES256\"", "Bearer resource_metadata=\"https://x/prm\"");
            assertThat(result.headers()).doesNotContainKey("x-unrelated");
            assertThat(result.body()).isEmpty();
        }
    }

    @Test
    void withPolicyWhenCapLoweredThenSiblingEnforcesIt() {
        server.json("/cimd", "{\"client_id\":\"" + "x".repeat(6000) + "\"}");
        try (SafeFetcher fetcher = SafeFetcher.create(LOOPBACK);
                SafeFetcher cimd = fetcher.withPolicy(LOOPBACK.withMaxBodyBytes(FetchPolicy.CIMD_MAX_BODY_BYTES))) {
            assertThat(fetcher.fetch(server.uri("/cimd")).status()).isEqualTo(200);
            assertThat(reasonOf(() -> cimd.fetch(server.uri("/cimd")))).isEqualTo(Reason.BODY_TOO_LARGE);
            assertThat(cimd.policy().maxBodyBytes()).isEqualTo(5 * 1024);
        }
    }

    @Test
    void fetchResultWhenComparedThenByValueAndBodyCopied() {
        byte[] body = {1, 2, 3};
        FetchResult a = new FetchResult(URI.create("https://a.test/x"), 200, Map.of("Content-Type",
                List.of("application/json")), body);
        body[0] = 9;
        FetchResult b = new FetchResult(URI.create("https://a.test/x"), 200, Map.of("content-type",
                List.of("application/json")), new byte[] {1, 2, 3});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Arrays.equals(a.body(), new byte[] {1, 2, 3})).isTrue();
        assertThat(a.toString()).doesNotContain("[1, 2, 3]").contains("3 bytes");
    }

    private static void writeSlowly(OutputStream out, int total, AtomicLong written) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        for (int sent = 0; sent < total; sent += chunk.length) {
            out.write(chunk);
            written.addAndGet(chunk.length);
        }
        out.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
