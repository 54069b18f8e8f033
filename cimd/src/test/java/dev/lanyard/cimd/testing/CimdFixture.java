package dev.lanyard.cimd.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.lanyard.cimd.CimdResolver;
import dev.lanyard.cimd.CimdSettings;
import dev.lanyard.spec.error.OAuthException;

/**
 * What the resolver tests share: an HTTPS server on 127.0.0.1 that the test name {@value #HOST} resolves to, a clock,
 * and resolvers in test mode (loopback allowed, the test certificate trusted). Close it after each test.
 */
public final class CimdFixture implements AutoCloseable {

    /** The host of client identifiers in these tests. */
    public static final String HOST = "cimd.example.test";

    public final TestServer server = TestServer.start();
    public final TestDns dns = new TestDns().map(HOST, "127.0.0.1");
    public final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));
    private final List<CimdResolver> open = new ArrayList<>();

    /** Enabled, test mode on, defaults otherwise. */
    public static CimdSettings testSettings() {
        return CimdSettings.defaults().withEnabled(true).withInsecureTestFetch(true);
    }

    /** A resolver with {@link #testSettings()}. */
    public CimdResolver resolver() {
        return resolver(s -> s);
    }

    /** A resolver with {@link #testSettings()} changed by {@code change}, trusting the test certificate. */
    public CimdResolver resolver(UnaryOperator<CimdSettings> change) {
        CimdSettings settings = change.apply(testSettings());
        CimdResolver.Builder b = CimdResolver.builder(settings).hostResolver(dns).clock(clock);
        if (settings.insecureTestFetch()) {
            b.trust(TestTls.clientTrust());
        }
        return track(b.build());
    }

    /** Closes {@code resolver} with the fixture. */
    public CimdResolver track(CimdResolver resolver) {
        open.add(resolver);
        return resolver;
    }

    /** {@code https://cimd.example.test:<port><path>}. */
    public String clientId(String path) {
        return server.url(HOST, path);
    }

    /** A valid document for {@code clientId}. */
    public static String document(String clientId) {
        return """
                {"client_id":"%s","client_name":"Test Client","redirect_uris":["https://cimd.example.test/cb"],
                 "token_endpoint_auth_method":"none"}""".formatted(clientId);
    }

    /** Serves a valid document at {@code path} with these headers; returns its client identifier. */
    public String serve(String path, String... headerPairs) {
        String clientId = clientId(path);
        server.json(path, document(clientId), headerPairs);
        return clientId;
    }

    /** The exception a resolution throws (fails the test if it succeeds). */
    public static OAuthException failure(CimdResolver resolver, String clientId) {
        try {
            resolver.resolve(clientId);
        } catch (OAuthException e) {
            return e;
        }
        throw new AssertionError("resolution succeeded");
    }

    @Override
    public void close() {
        for (CimdResolver c : open) {
            c.close();
        }
        server.close();
    }
}
