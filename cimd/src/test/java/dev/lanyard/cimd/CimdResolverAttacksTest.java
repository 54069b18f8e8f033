package dev.lanyard.cimd;

import static dev.lanyard.cimd.testing.CimdFixture.HOST;
import static dev.lanyard.cimd.testing.CimdFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpHandler;

import dev.lanyard.cimd.testing.CimdFixture;
import dev.lanyard.cimd.testing.TestServer;
import dev.lanyard.cimd.testing.TestTls;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

/** The CM cases of the attack catalogue, against a real HTTPS server and chosen DNS answers. */
class CimdResolverAttacksTest {

    private final CimdFixture f = new CimdFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String description(OAuthException e) {
        return e.error().description().orElseThrow();
    }

    private static void assertInvalidClient(OAuthException e, String because) {
        assertThat(e.error().code()).isEqualTo("invalid_client");
        assertThat(description(e)).contains(because);
    }

    /** Headers, then one byte every {@code every}, for a minute. */
    private static HttpHandler trickle(Duration every) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 60_000 / every.toMillis(); i++) {
                    out.write(i == 0 ? '{' : ' ');
                    out.flush();
                    Thread.sleep(every.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    // a slowloris document server; 100 concurrent resolutions all end within the deadline, others still served
    @Test
    void resolveWhenHundredConcurrentResolutionsAgainstSlowlorisThenAllFailWithinDeadline() throws Exception {
        f.server.route("/slow", trickle(Duration.ofSeconds(2)));
        for (int i = 0; i < 100; i++) {
            f.server.route("/slow" + i, trickle(Duration.ofSeconds(2)));
        }
        try (TestServer healthy = TestServer.start()) {
            f.dns.map("healthy.example.test", "127.0.0.1");
            String good = healthy.url("healthy.example.test", "/app");
            healthy.json("/app", CimdFixture.document(good));
            CimdResolver resolver = f.resolver(); // default deadline: 2.5 s
            ExecutorService pool = Executors.newFixedThreadPool(100);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<OAuthException>> results = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String clientId = f.clientId("/slow" + i);
                    results.add(pool.submit(() -> {
                        start.await();
                        return failure(resolver, clientId);
                    }));
                }
                long began = System.nanoTime();
                start.countDown();
                Thread.sleep(300);
                long goodStart = System.nanoTime();
                assertThat(resolver.resolve(good).clientName()).isEqualTo("Test Client");
                assertThat(Duration.ofNanos(System.nanoTime() - goodStart)).isLessThan(Duration.ofSeconds(2));
                for (Future<OAuthException> r : results) {
                    OAuthException e = r.get(10, TimeUnit.SECONDS);
                    assertThat(e.error().code()).isEqualTo("invalid_client");
                }
                // the 2.5 s deadline, plus slack for 100 threads on a shared machine
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(5_000));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // a server that accepts TCP and never answers (not even the TLS handshake)
    @Test
    void resolveWhenServerNeverAnswersThenInvalidClientWithinDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            f.dns.map("silent.example.test", "127.0.0.1");
            CimdResolver resolver = f.resolver(s -> s.withFetch(Duration.ofSeconds(1), 5120));
            long began = System.nanoTime();
            OAuthException e = failure(resolver, "https://silent.example.test:" + silent.getLocalPort() + "/app");
            assertThat(e.error().code()).isEqualTo("invalid_client");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(2_500));
        }
    }

    // A body that trickles in slowly is cut off at the total deadline
    @Test
    void resolveWhenBodyTricklesThenInvalidClientAtDeadline() {
        f.server.route("/app", trickle(Duration.ofMillis(100)));
        CimdResolver resolver = f.resolver(s -> s.withFetch(Duration.ofSeconds(1), 5120));
        long began = System.nanoTime();
        assertInvalidClient(failure(resolver, f.clientId("/app")), "timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(2_500));
    }

    // CIMD -02 §8.7: a 10 MB body, announced or chunked; reading stops at the 5 KB cap
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void resolveWhenTenMegabyteBodyThenInvalidClientQuickly(boolean announced) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        f.server.route("/app", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, announced ? 10L * 1024 * 1024 : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            }
        });
        long began = System.nanoTime();
        OAuthException e = failure(f.resolver(), f.clientId("/app"));
        assertInvalidClient(e, "body larger than the cap");
        assertThat(e.rule().orElseThrow().section()).isEqualTo("8.7");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void resolveWhenDocumentJustUnderCapThenAccepted() {
        String clientId = f.clientId("/app");
        String doc = CimdFixture.document(clientId);
        String padded = doc.substring(0, doc.length() - 1) + ",\"x_pad\":\"" + "a".repeat(5120 - doc.length() - 12)
                + "\"}";
        assertThat(padded.length()).isLessThanOrEqualTo(5120);
        f.server.json("/app", padded);
        assertThat(f.resolver().resolve(clientId).clientName()).isEqualTo("Test Client");
    }

    // jwks_uri and logo_uri on hosts that resolve to 10.0.0.7: never contacted
    @Test
    void fetchJwksAndLogoWhenHostsResolveToPrivateAddressThenRefusedBeforeConnecting() throws Exception {
        f.dns.map("keys.example.test", "10.0.0.7").map("logo.example.test", "10.0.0.7");
        String clientId = f.clientId("/app");
        f.server.json("/app", """
                {"client_id":"%s","client_name":"C","redirect_uris":["https://c.example.test/cb"],
                 "token_endpoint_auth_method":"private_key_jwt","jwks_uri":"https://keys.example.test/jwks",
                 "logo_uri":"https://logo.example.test/logo.png"}""".formatted(clientId));
        CimdResolver resolver = f.resolver();
        ClientIdMetadataDocument d = resolver.resolve(clientId);
        assertThat(d.isConfidential()).isTrue();
        IOException e = org.assertj.core.api.Assertions.catchThrowableOfType(IOException.class,
                () -> resolver.fetchJwks(d.jwksUri().orElseThrow()));
        assertThat(e).hasMessageContaining("special-use address refused");
        assertThat(e.getCause()).isInstanceOf(dev.lanyard.discovery.fetch.FetchException.class);
        assertThat(((dev.lanyard.discovery.fetch.FetchException) e.getCause()).reason())
                .isEqualTo(dev.lanyard.discovery.fetch.FetchException.Reason.SPECIAL_USE_ADDRESS);
        assertThat(resolver.logo(d)).isEmpty();
    }

    // normalisation mismatches between the requested client_id and the document's, end to end
    @ParameterizedTest
    @ValueSource(strings = {"https://cimd.example.test:443/app", "https://CIMD.example.test:%d/app",
        "https://cimd.example.test:%d/app/", "https://cimd.example.test:%d/App"})
    void resolveWhenDocumentClientIdDiffersThenInvalidClientMetadata(String documentClientId) {
        String requested = f.clientId("/app");
        f.server.json("/app", CimdFixture.document(documentClientId.formatted(f.server.port())).replace(
                "Test Client", "<script>alert(1)</script>"));
        OAuthException e = failure(f.resolver(), requested);
        assertThat(e.error().code()).isEqualTo("invalid_client_metadata");
        assertThat(description(e)).contains("/client_id must equal the URL the document was fetched from")
                .doesNotContain("script").doesNotContain("CIMD.example").doesNotContain(":443");
        assertThat(e.rule().orElseThrow().document()).isEqualTo(Specs.CIMD);
    }

    // A-077, reverse: the request spells the default port, the document does not
    @Test
    void resolveWhenRequestHasDefaultPortAndDocumentNotThenInvalidClientMetadata() {
        String requested = f.clientId("/app");
        f.server.json("/app", CimdFixture.document("https://cimd.example.test/app"));
        assertThat(failure(f.resolver(), requested).error().code()).isEqualTo("invalid_client_metadata");
    }

    // an invalid TLS certificate (self-signed, or for another host); TLS checks are never relaxed
    @Test
    void resolveWhenCertificateUntrustedOrForAnotherHostThenInvalidClient() {
        try (TestServer selfSigned = TestServer.start(TestTls.SELF_SIGNED)) {
            String clientId = selfSigned.url(HOST, "/app");
            selfSigned.json("/app", CimdFixture.document(clientId));
            assertInvalidClient(failure(f.resolver(), clientId), "TLS handshake failed");
            assertThat(selfSigned.requests()).isEmpty();
        }
        f.dns.map("cimd.other.invalid", "127.0.0.1");
        String wrongHost = f.server.url("cimd.other.invalid", "/app");
        f.server.json("/app", CimdFixture.document(wrongHost));
        assertInvalidClient(failure(f.resolver(), wrongHost), "TLS handshake failed");
        assertThat(f.server.requests()).isEmpty();
    }

    // redirects are never followed, not to a private address, not to a valid document
    @Test
    void resolveWhenRedirectedThenInvalidClientAndLocationNeverRequested() {
        f.server.answer("/admin-redirect", 302, null, "", "Location", "http://127.0.0.1/admin");
        String other = f.serve("/other");
        f.server.answer("/moved", 301, null, "", "Location", other);
        CimdResolver resolver = f.resolver();
        OAuthException toPrivate = failure(resolver, f.clientId("/admin-redirect"));
        assertInvalidClient(toPrivate, "redirect not followed");
        assertThat(toPrivate.rule().orElseThrow().section()).isEqualTo("5");
        assertInvalidClient(failure(resolver, f.clientId("/moved")), "redirect not followed");
        assertThat(f.server.requests()).containsExactly("GET /admin-redirect", "GET /moved");
    }

    // invalid client_id URLs are refused with zero outbound activity (no DNS lookup, no request)
    @ParameterizedTest
    @ValueSource(strings = {"http://cimd.example.test/app", "https://cimd.example.test/app#f",
        "https://u:p@cimd.example.test/app", "https://cimd.example.test/a/../app",
        "https://cimd.example.test/%2e%2e/app", "https:cimd.example.test/app", "https://cimd.example.test\\app",
        " https://cimd.example.test/app"})
    void resolveWhenClientIdUrlInvalidThenInvalidClientWithoutAnyFetch(String clientId) {
        OAuthException e = failure(f.resolver(), clientId);
        assertInvalidClient(e, "client_id is not a valid client ID metadata document URL");
        assertThat(f.dns.lookups()).isZero();
        assertThat(f.server.requests()).isEmpty();
    }

    // 404, 500, 204, HTML, a JSON array, duplicate members: each invalid_client, and never cached
    @Test
    void resolveWhenErrorAnswersThenInvalidClientAndNextResolutionAfterFixSucceeds() {
        String clientId = f.clientId("/app");
        String good = CimdFixture.document(clientId);
        List<Runnable> breakages = List.of(
                () -> f.server.answer("/app", 404, "application/json", "{}"),
                () -> f.server.answer("/app", 500, "application/json", good),
                () -> f.server.answer("/app", 204, "application/json", ""),
                () -> f.server.answer("/app", 200, "text/html", "<html>" + good + "</html>"),
                () -> f.server.json("/app", "[" + good + "]"),
                () -> f.server.json("/app", good.replace("{", "{\"client_id\":\"" + clientId + "\",")),
                () -> f.server.json("/app", "{\"client_id\":"));
        List<String> because = List.of("answered HTTP 404", "answered HTTP 500", "answered HTTP 204",
                "unexpected content type", "not a JSON object", "not a JSON object", "not a JSON object");
        CimdResolver resolver = f.resolver();
        for (int i = 0; i < breakages.size(); i++) {
            breakages.get(i).run();
            assertInvalidClient(failure(resolver, clientId), because.get(i));
            f.server.json("/app", good, "Cache-Control", "no-store");
            assertThat(resolver.resolve(clientId).clientId().value()).isEqualTo(clientId);
        }
        assertThat(f.server.count("/app")).isEqualTo(2L * breakages.size());
    }

    // CIMD -02 §5.2: invalid documents are not cached either
    @Test
    void resolveWhenDocumentInvalidThenNotCachedAndFixSeenAtOnce() {
        String clientId = f.clientId("/app");
        f.server.json("/app", CimdFixture.document(clientId).replace("\"client_name\":\"Test Client\",", ""),
                "Cache-Control", "max-age=3600");
        CimdResolver resolver = f.resolver();
        OAuthException e = failure(resolver, clientId);
        assertThat(e.error().code()).isEqualTo("invalid_client_metadata");
        assertThat(description(e)).contains("/client_name is REQUIRED");
        f.serve("/app", "Cache-Control", "max-age=3600");
        assertThat(resolver.resolve(clientId).clientName()).isEqualTo("Test Client");
    }

    // the host resolves to private or special ranges (also inside a mixed answer): refused, never contacted
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fe80::1", "fc00::1",
        "::ffff:10.0.0.1", "64:ff9b::a00:1", "224.0.0.1", "169.254.169.254", "::ffff:169.254.169.254", "0.0.0.0",
        "93.184.216.34,10.0.0.1", "127.0.0.1,192.168.1.1"})
    void resolveWhenHostResolvesToSpecialUseAddressThenInvalidClient(String answers) {
        f.dns.map(HOST, answers.split(","));
        OAuthException e = failure(f.resolver(), f.clientId("/app"));
        assertInvalidClient(e, "special-use address refused");
        assertThat(e.rule().orElseThrow().section()).isEqualTo("8.6");
        assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).contains(CimdFixture.HOST));
        assertThat(f.server.requests()).isEmpty();
    }

    // CIMD -02 §8.6: loopback only under the test switch; without it, 127.0.0.1, ::1 and mapped forms are refused
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "::ffff:127.0.0.1", "127.1.2.3"})
    void resolveWhenLoopbackWithoutTestSwitchThenInvalidClient(String address) {
        f.dns.map(HOST, address);
        String clientId = f.serve("/app");
        CimdResolver production = production(s -> s.withFetchPorts(java.util.Set.of(f.server.port())));
        assertInvalidClient(failure(production, clientId), "special-use address refused");
        assertThat(f.server.requests()).isEmpty();
    }

    /** A resolver with production settings (no test switch), as a deployment has. */
    private CimdResolver production(java.util.function.UnaryOperator<CimdSettings> change) {
        return f.track(CimdResolver.builder(change.apply(CimdSettings.defaults().withEnabled(true)))
                .hostResolver(f.dns).clock(f.clock).build());
    }

    // CIMD -02 §8.6, RFC 6890: IP-literal hosts are special-use addresses too; refused without DNS or connection
    @ParameterizedTest
    @ValueSource(strings = {"https://[::1]/app", "https://[fd00::1]/app", "https://0.0.0.0/app",
        "https://[::ffff:127.0.0.1]/app", "https://169.254.169.254/app", "https://10.0.0.1/app", "https://[::]/app",
        "https://[fe80::1]/app", "https://127.0.0.1/app", "https://[64:ff9b::7f00:1]/app"})
    void resolveWhenClientIdHostIsASpecialUseIpLiteralThenInvalidClientWithoutLookup(String clientId) {
        assertInvalidClient(failure(production(s -> s), clientId), "special-use address refused");
        assertThat(f.dns.lookups()).isZero();
        assertThat(f.server.requests()).isEmpty();
    }

    // A-006 style for documents: numeric hosts that resolvers and URL parsers read differently are never looked up
    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/app", "https://0x7f.1/app", "https://017700000001/app",
        "https://0X7F000001/app", "https://0x7F000001/app", "https://127.1/app", "https://0177.0.0.1/app",
        "https://127.0.0.1./app"})
    void resolveWhenClientIdHostIsANonCanonicalNumberThenInvalidClientWithoutLookup(String clientId) {
        for (CimdResolver resolver : List.of(production(s -> s), f.resolver())) {
            OAuthException e = failure(resolver, clientId);
            assertThat(e.error().code()).isEqualTo("invalid_client");
        }
        assertThat(f.dns.lookups()).isZero();
        assertThat(f.server.requests()).isEmpty();
    }

    // CM-06 (checklist): only port 443 and the configured ports; refused before any lookup
    @Test
    void resolveWhenPortIsNotAllowedThenInvalidClientWithoutLookup() {
        String clientId = f.serve("/app");
        assertInvalidClient(failure(production(s -> s), clientId), "port not allowed");
        assertInvalidClient(failure(production(s -> s), "https://cimd.example.test:22/app"), "port not allowed");
        assertThat(f.dns.lookups()).isZero();
        // a configured port passes that check; this host is still loopback, refused without the test switch
        assertInvalidClient(failure(production(s -> s.withFetchPorts(java.util.Set.of(443, f.server.port()))),
                clientId), "special-use address refused");
        assertThat(f.server.requests()).isEmpty();
    }

    // CIMD -02 §8.6 (LIB: pinning): the address checked is the address connected to; a second answer is never asked
    @Test
    void resolveWhenDnsWouldRebindAfterTheCheckThenTheCheckedAddressIsUsed() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        dev.lanyard.discovery.fetch.HostResolver rebinding = host -> {
            int n = lookups.incrementAndGet();
            return List.of(InetAddress.getByAddress(host, n == 1 ? new byte[] {127, 0, 0, 1}
                    : new byte[] {10, 0, 0, 1}));
        };
        String clientId = f.serve("/app", "Cache-Control", "no-store");
        CimdResolver resolver = f.track(CimdResolver.builder(CimdFixture.testSettings()).hostResolver(rebinding)
                .clock(f.clock).trust(TestTls.clientTrust()).build());
        assertThat(resolver.resolve(clientId).clientId().value()).isEqualTo(clientId);
        assertThat(lookups).hasValue(1);
        // the next fetch resolves anew and gets the private answer: refused, never contacted
        assertInvalidClient(failure(resolver, clientId), "special-use address refused");
        assertThat(f.server.requests()).containsExactly("GET /app");
    }

    // CIMD -02 §4: application/json (with parameters) or application/<x>+json; nothing else
    @Test
    void resolveWhenContentTypeIsJsonWithCharsetOrJsonSuffixThenAcceptedElseInvalidClient() {
        String clientId = f.clientId("/app");
        String good = CimdFixture.document(clientId);
        CimdResolver resolver = f.resolver();
        for (String type : List.of("application/json; charset=utf-8", "application/cimd+json",
                "Application/JSON;charset=UTF-8")) {
            f.server.answer("/app", 200, type, good, "Cache-Control", "no-store");
            assertThat(resolver.resolve(clientId).clientId().value()).as(type).isEqualTo(clientId);
        }
        for (String type : List.of("text/plain", "text/json", "application/javascript", "application/jsonp",
                "application/octet-stream")) {
            f.server.answer("/app", 200, type, good, "Cache-Control", "no-store");
            assertInvalidClient(failure(resolver, clientId), "unexpected content type");
        }
    }

    @Test
    void resolveWhenHostDoesNotResolveThenInvalidClient() {
        assertInvalidClient(failure(f.resolver(), "https://nowhere.example.test/app"), "host does not resolve");
    }
}
