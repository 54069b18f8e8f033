package dev.lanyard.cimd;

import static dev.lanyard.cimd.testing.CimdFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.lanyard.cimd.testing.CimdFixture;

/** Stale-if-error, and the fetches of URLs inside a document ({@code jwks_uri}, {@code logo_uri}). */
class CimdResolverStaleAndKeysTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    private final CimdFixture f = new CimdFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private CimdResolver staleTenMinutes() {
        return f.resolver(s -> s.withCache(s.cacheMinTtl(), s.cacheMaxTtl(), Duration.ofMinutes(10), 100));
    }

    // Opt-in stale-if-error: a known client keeps working through its host's short outage
    @Test
    void resolveWhenStaleAndHostAnswers5xxOr429ThenKnownDocumentServedWithinBound() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60");
        CimdResolver resolver = staleTenMinutes();
        ClientIdMetadataDocument known = resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.answer("/app", 503, "text/plain", "maintenance");
        assertThat(resolver.resolve(clientId)).isEqualTo(known);
        f.server.answer("/app", 429, "text/plain", "slow down");
        assertThat(resolver.resolve(clientId)).isEqualTo(known);
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(failure(resolver, clientId).error().code()).isEqualTo("invalid_client");
        assertThat(f.server.count("/app")).isEqualTo(4);
    }

    @Test
    void resolveWhenStaleAndHostUnreachableThenKnownDocumentServed() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60");
        CimdResolver resolver = staleTenMinutes();
        ClientIdMetadataDocument known = resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.close();
        assertThat(resolver.resolve(clientId)).isEqualTo(known);
    }

    // A 404 says the document is gone; an invalid document says it changed: neither is an outage
    @Test
    void resolveWhenStaleAndDocumentGoneOrInvalidThenFailsAndIsForgotten() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60");
        CimdResolver resolver = staleTenMinutes();
        resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.answer("/app", 404, "text/plain", "gone");
        assertThat(failure(resolver, clientId).error().code()).isEqualTo("invalid_client");
        f.server.answer("/app", 503, "text/plain", "down");
        assertThat(failure(resolver, clientId).error().code()).as("forgotten after the 404")
                .isEqualTo("invalid_client");

        String other = f.serve("/other", "Cache-Control", "max-age=60");
        resolver.resolve(other);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.json("/other", CimdFixture.document(other + "/"));
        assertThat(failure(resolver, other).error().code()).isEqualTo("invalid_client_metadata");
        f.server.answer("/other", 503, "text/plain", "down");
        assertThat(failure(resolver, other).error().code()).isEqualTo("invalid_client");
    }

    @Test
    void resolveWhenStaleIfErrorOffThenOutageFailsAtOnce() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60");
        CimdResolver resolver = f.resolver();
        resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.answer("/app", 503, "text/plain", "down");
        assertThat(failure(resolver, clientId).error().code()).isEqualTo("invalid_client");
    }

    // RFC 9111 §5.2.2.2: must-revalidate forbids serving the stale document
    @Test
    void resolveWhenMustRevalidateThenNoStaleServing() {
        String clientId = f.serve("/app", "Cache-Control", "max-age=60, must-revalidate");
        CimdResolver resolver = staleTenMinutes();
        resolver.resolve(clientId);
        f.clock.advance(Duration.ofSeconds(61));
        f.server.answer("/app", 503, "text/plain", "down");
        assertThat(failure(resolver, clientId).error().code()).isEqualTo("invalid_client");
    }

    // CIMD -02 §8.2: private_key_jwt with the keys at jwks_uri, fetched by the SSRF-safe fetcher
    @Test
    void fetchJwksWhenPublicKeySetThenBody() throws IOException {
        String jwks = CimdValidatorTest.publicJwks().toString();
        f.server.answer("/jwks", 200, "application/jwk-set+json", jwks);
        assertThat(f.resolver().fetchJwks(URI.create(f.clientId("/jwks")))).isEqualTo(jwks);
    }

    // CIMD -02 §4.1: only public keys, also behind jwks_uri
    @Test
    void fetchJwksWhenPrivateKeyOrNotJwkSetOrNot200ThenIOException() {
        CimdResolver resolver = f.resolver();
        URI uri = URI.create(f.clientId("/jwks"));
        f.server.json("/jwks", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"a\",\"y\":\"b\",\"d\":\"c\"}]}");
        assertThat(catchThrowableOfType(IOException.class, () -> resolver.fetchJwks(uri)))
                .hasMessageContaining("not a public JWK");
        f.server.json("/jwks", "{\"keys\":{}}");
        assertThat(catchThrowableOfType(IOException.class, () -> resolver.fetchJwks(uri)))
                .hasMessageContaining("not return a JWK Set");
        f.server.answer("/jwks", 404, "application/json", "{}");
        assertThat(catchThrowableOfType(IOException.class, () -> resolver.fetchJwks(uri)))
                .hasMessageContaining("answered 404");
        f.server.answer("/jwks", 302, null, "", "Location", "/elsewhere");
        assertThat(catchThrowableOfType(IOException.class, () -> resolver.fetchJwks(uri)))
                .hasMessageContaining("redirect not followed");
    }

    // CIMD -02 §8.8: the server pre-fetches the logo and caches it
    @Test
    void logoWhenPngThenFetchedOnceAndCached() {
        String clientId = f.clientId("/app");
        String logo = f.clientId("/logo.png");
        f.server.json("/app", """
                {"client_id":"%s","client_name":"C","redirect_uris":["https://c.example.test/cb"],
                 "logo_uri":"%s"}""".formatted(clientId, logo));
        f.server.route("/logo.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=600");
            exchange.sendResponseHeaders(200, PNG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PNG);
            }
        });
        CimdResolver resolver = f.resolver();
        ClientIdMetadataDocument d = resolver.resolve(clientId);
        ClientLogo fetched = resolver.logo(d).orElseThrow();
        assertThat(fetched.mediaType()).isEqualTo("image/png");
        assertThat(fetched.bytes()).isEqualTo(PNG);
        assertThat(fetched.uri()).isEqualTo(URI.create(logo));
        assertThat(resolver.logo(d)).contains(fetched);
        assertThat(f.server.count("/logo.png")).isEqualTo(1);
    }

    @Test
    void logoWhenSvgOrMissingOrNoLogoUriThenEmpty() {
        String clientId = f.clientId("/app");
        f.server.json("/app", """
                {"client_id":"%s","client_name":"C","redirect_uris":["https://c.example.test/cb"],
                 "logo_uri":"%s"}""".formatted(clientId, f.clientId("/logo.svg")));
        f.server.answer("/logo.svg", 200, "image/svg+xml", "<svg onload=\"alert(1)\"/>");
        CimdResolver resolver = f.resolver();
        assertThat(resolver.logo(resolver.resolve(clientId))).isEmpty();
        f.server.answer("/logo.svg", 404, "image/png", "x");
        assertThat(resolver.logo(resolver.resolve(clientId))).isEmpty();
        assertThat(resolver.logo(resolver.resolve(f.serve("/plain")))).isEmpty();
    }
}
