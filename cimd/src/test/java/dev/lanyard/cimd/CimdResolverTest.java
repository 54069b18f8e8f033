package dev.lanyard.cimd;

import static dev.lanyard.cimd.testing.CimdFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.CimdFixture;
import dev.lanyard.cimd.testing.TestServer;
import dev.lanyard.cimd.testing.TestTls;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.ref.Specs;

class CimdResolverTest {

    private final CimdFixture f = new CimdFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void resolveWhenValidDocumentThenValidatedClientAndJsonAccepted() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        ClientIdMetadataDocument d = f.resolver().resolve(clientId);
        assertThat(d.clientId().value()).isEqualTo(clientId);
        assertThat(d.clientName()).isEqualTo("Test Client");
        assertThat(d.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(d.host()).isEqualTo(CimdFixture.HOST);
        assertThat(f.server.requests()).containsExactly("GET /app");
        assertThat(f.server.acceptHeaders()).singleElement()
                .satisfies(a -> assertThat(a).startsWith("application/json"));
    }

    @Test
    void resolveWhenFreshThenCachedUntilMaxAge() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=120");
        CimdResolver resolver = f.resolver();
        ClientIdMetadataDocument first = resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(119));
        assertThat(resolver.resolve(clientId)).isEqualTo(first);
        assertThat(f.server.count("/app")).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(2));
        resolver.resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(2);
    }

    // CIMD -02 §5.2: the server MAY set its own lower and upper bounds
    @Test
    void resolveWhenLifetimeOutsideBoundsThenClamped() {
        String shortLived = f.serve("/short", "Cache-Control", "max-age=5");
        String longLived = f.serve("/long", "Cache-Control", "max-age=9999999");
        String silent = f.serve("/silent");
        CimdResolver resolver = f.resolver();
        resolver.resolve(shortLived);
        resolver.resolve(longLived);
        resolver.resolve(silent);
        f.clock.advance(Duration.ofSeconds(29));
        resolver.resolve(shortLived);
        resolver.resolve(silent);
        assertThat(f.server.requests()).hasSize(3);
        f.clock.advance(Duration.ofSeconds(2));
        resolver.resolve(shortLived);
        resolver.resolve(silent);
        assertThat(f.server.count("/short")).isEqualTo(2);
        assertThat(f.server.count("/silent")).as("no freshness headers: the minimum").isEqualTo(2);
        f.clock.advance(Duration.ofHours(24).minusSeconds(32));
        resolver.resolve(longLived);
        assertThat(f.server.count("/long")).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(2));
        resolver.resolve(longLived);
        assertThat(f.server.count("/long")).as("24 h at most").isEqualTo(2);
    }

    @Test
    void resolveWhenExpiresHeaderThenHonoured() {
        // the test server sets Date to the real time: Expires is ten minutes after it
        String expires = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10).plusSeconds(1));
        String clientId = f.serve("/app", "Expires", expires);
        CimdResolver resolver = f.resolver();
        resolver.resolve(clientId);
        f.clock.advance(Duration.ofMinutes(9));
        resolver.resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(2));
        resolver.resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(2);
    }

    @Test
    void resolveWhenNoStoreThenFetchedEveryTime() {
        String clientId = f.serve("/app", "Cache-Control", "no-store");
        CimdResolver resolver = f.resolver();
        resolver.resolve(clientId);
        resolver.resolve(clientId);
        assertThat(f.server.count("/app")).isEqualTo(2);
    }

    // 100 concurrent authorization requests for one uncached client: exactly one fetch
    @Test
    void resolveWhenHundredConcurrentResolutionsOfUncachedClientThenOneFetch() throws Exception {
        String clientId = f.clientId("/app");
        String body = CimdFixture.document(clientId);
        f.server.route("/app", exchange -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Cache-Control", "max-age=300");
            TestServer.send(exchange, 200, "application/json", body);
        });
        CimdResolver resolver = f.resolver();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ClientIdMetadataDocument>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return resolver.resolve(clientId);
                }));
            }
            start.countDown();
            for (Future<ClientIdMetadataDocument> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS).clientId().value()).isEqualTo(clientId);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.server.count("/app")).isEqualTo(1);
    }

    // A failed shared fetch fails every waiting caller, and is not remembered
    @Test
    void resolveWhenConcurrentResolutionsOfFailingClientThenAllFailAndNextFetchesAgain() throws Exception {
        String clientId = f.clientId("/app");
        f.server.route("/app", exchange -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.send(exchange, 500, "text/plain", "down");
        });
        CimdResolver resolver = f.resolver();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OAuthException>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return failure(resolver, clientId);
                }));
            }
            start.countDown();
            for (Future<OAuthException> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS).error().code()).isEqualTo("invalid_client");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.server.count("/app")).isEqualTo(1);
        f.serve("/app", "Cache-Control", "max-age=60");
        assertThat(resolver.resolve(clientId).clientId().value()).isEqualTo(clientId);
    }

    @Test
    void resolveWhenDisabledThenInvalidClientWithoutFetch() {
        String clientId = f.serve("/app");
        OAuthException e = failure(f.resolver(s -> s.withEnabled(false)), clientId);
        assertThat(e.error().code()).isEqualTo("invalid_client");
        assertThat(e.error().description().orElseThrow())
                .contains("client ID metadata documents are not supported by this server");
        assertThat(e.rule()).contains(Specs.CIMD_METADATA);
        assertThat(f.server.requests()).isEmpty();
        assertThat(f.dns.lookups()).isZero();
    }

    // CIMD -02 §8.9 / MCP: domain trust policies; an untrusted host is never contacted
    @Test
    void resolveWhenHostNotAllowedOrDeniedThenInvalidClientWithoutFetch() {
        String clientId = f.serve("/app");
        CimdResolver allowOther = f.resolver(
                s -> s.withTrustPolicy(CimdTrustPolicy.allowHosts(List.of(".other.test"))));
        CimdResolver deny = f.resolver(s -> s.withTrustPolicy(CimdTrustPolicy.denyHosts(List.of("*.example.test"))));
        for (CimdResolver resolver : List.of(allowOther, deny)) {
            OAuthException e = failure(resolver, clientId);
            assertThat(e.error().code()).isEqualTo("invalid_client");
            assertThat(e.error().description().orElseThrow()).contains("host of client_id is not trusted");
        }
        assertThat(f.server.requests()).isEmpty();
        assertThat(f.dns.lookups()).isZero();
        CimdResolver allow = f.resolver(s -> s.withTrustPolicy(CimdTrustPolicy.allowHosts(List.of(".example.test"))));
        assertThat(allow.resolve(clientId).clientName()).isEqualTo("Test Client");
    }

    @Test
    void resolveWhenPolicyRefusesClientThenInvalidClientEvenWhenCached() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        CimdTrustPolicy noLoopbackClients = new CimdTrustPolicy() {
            @Override
            public boolean allowFetch(ClientIdUrl url) {
                return true;
            }

            @Override
            public boolean allowClient(ClientIdMetadataDocument document) {
                return !document.clientName().equals("Test Client");
            }
        };
        CimdResolver resolver = f.resolver(s -> s.withTrustPolicy(noLoopbackClients));
        assertThat(failure(resolver, clientId).error().description().orElseThrow())
                .contains("not allowed by this server's policy");
        assertThat(failure(resolver, clientId).error().code()).isEqualTo("invalid_client");
    }

    // CIMD -02 §5.2: the cache can live in the store, shared by every node: documents stored as JSON, read back
    @Test
    void resolveWhenSharedCacheThenSecondNodeDoesNotFetch() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        Map<String, String[]> store = new ConcurrentHashMap<>();
        CimdValidator reader = CimdValidator.create();
        CimdDocumentCache shared = new CimdDocumentCache() {
            @Override
            public Optional<CachedDocument> get(String id) {
                String[] row = store.get(id);
                return row == null ? Optional.empty() : Optional.of(new CachedDocument(
                        reader.validate(ClientIdUrl.parse(id), row[0]).orElseThrow(),
                        java.time.Instant.parse(row[1]), java.time.Instant.parse(row[2]),
                        java.time.Instant.parse(row[3])));
            }

            @Override
            public void put(CachedDocument e) {
                store.put(e.clientId(), new String[] {e.document().toJson().toString(), e.fetchedAt().toString(),
                    e.freshUntil().toString(), e.staleUntil().toString()});
            }

            @Override
            public void invalidate(String id) {
                store.remove(id);
            }
        };
        CimdResolver node1 = f.track(CimdResolver.builder(CimdFixture.testSettings()).hostResolver(f.dns)
                .trust(TestTls.clientTrust()).clock(f.clock).cache(shared).build());
        CimdResolver node2 = f.track(CimdResolver.builder(CimdFixture.testSettings()).hostResolver(f.dns)
                .trust(TestTls.clientTrust()).clock(f.clock).cache(shared).build());
        ClientIdMetadataDocument d1 = node1.resolve(clientId);
        ClientIdMetadataDocument d2 = node2.resolve(clientId);
        assertThat(d2).isEqualTo(d1);
        assertThat(f.server.count("/app")).isEqualTo(1);
    }

    @Test
    void resolveWhenCacheFailsThenFetchedAnyway() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=300");
        CimdDocumentCache broken = new CimdDocumentCache() {
            @Override
            public Optional<CachedDocument> get(String id) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void put(CachedDocument e) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void invalidate(String id) {
                throw new IllegalStateException("store down");
            }
        };
        CimdResolver resolver = f.track(CimdResolver.builder(CimdFixture.testSettings()).hostResolver(f.dns)
                .trust(TestTls.clientTrust()).clock(f.clock).cache(broken).build());
        assertThat(resolver.resolve(clientId).clientName()).isEqualTo("Test Client");
        assertThat(resolver.resolve(clientId).clientName()).isEqualTo("Test Client");
        assertThat(f.server.count("/app")).isEqualTo(2);
    }

    @Test
    void resolveWhenServerSupportsOnlyPublicClientsThenChoiceApplied() {
        String clientId = f.clientId("/app");
        f.server.json("/app", """
                {"client_id":"%s","client_name":"C","redirect_uris":["https://c.example.test/cb"],
                 "token_endpoint_auth_method":"private_key_jwt",
                 "token_endpoint_auth_methods_supported":["none","private_key_jwt"],
                 "jwks_uri":"https://cimd.example.test/jwks"}""".formatted(clientId));
        assertThat(f.resolver().resolve(clientId).authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(f.resolver(s -> s.withTokenEndpointAuthMethods(Set.of(ClientAuthMethod.NONE))).resolve(clientId)
                .authMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void builderWhenCustomTrustWithoutTestSwitchThenRefused() {
        CimdResolver.Builder b = CimdResolver.builder(CimdSettings.defaults().withEnabled(true));
        assertThatThrownBy(() -> b.trust(TestTls.clientTrust())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lanyard.as.cimd.testing.insecure-fetch");
    }

    // The test switch is never on by default, and start-up says loudly when it is
    @Test
    void buildWhenTestSwitchOnThenWarningLoggedAndNotOtherwise() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(CimdResolver.class.getName());
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            f.resolver();
            assertThat(records).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                assertThat(r.getMessage()).contains("CIMD TEST MODE").contains("custom trust store")
                        .contains("NEVER enable this in production");
            });
            records.clear();
            f.track(CimdResolver.builder(CimdSettings.defaults()).build());
            assertThat(records).noneSatisfy(r -> assertThat(r.getMessage()).contains("TEST MODE"));
            assertThat(records).anySatisfy(r -> assertThat(r.getMessage()).contains("CIMD disabled"));
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void isEnabledWhenSettingsSayThenSame() {
        assertThat(f.resolver().isEnabled()).isTrue();
        assertThat(f.resolver(s -> s.withEnabled(false)).isEnabled()).isFalse();
        assertThat(f.resolver().settings().fetchTimeout()).isEqualTo(Duration.ofMillis(2500));
    }
}
