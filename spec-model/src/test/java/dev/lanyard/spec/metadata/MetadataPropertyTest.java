package dev.lanyard.spec.metadata;

import static dev.lanyard.spec.metadata.SpecText.joinDisplayLineBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.testing.Mutations;

/**
 * Every document parser of the package, fed 10,000 mutated inputs seeded from the spec examples: it never throws,
 * and whatever it accepts serializes to JSON that parses back to an equal value.
 */
class MetadataPropertyTest {

    private static final int COUNT = 10_000;

    @Test
    void authorizationServerMetadataParseNeverThrowsAndRoundTrips() {
        List<String> seeds = List.of(AuthorizationServerMetadataTest.RFC8414_EXAMPLE,
                AuthorizationServerMetadataTest.minimal().build().toString(),
                AuthorizationServerMetadataTest.minimal()
                        .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                                .add("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                        .add("authorization_grant_profiles_supported", Json.createArrayBuilder()
                                .add(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE))
                        .add("revocation_endpoint", "https://as.example.com/revoke")
                        .add("client_id_metadata_document_supported", true)
                        .add("signed_metadata", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2EifQ.c2ln")
                        .build().toString());
        int accepted = check(1, seeds, AuthorizationServerMetadata::parse,
                m -> AuthorizationServerMetadata.parse(m.toJson()));
        assertThat(accepted).isGreaterThan(COUNT / 20);
    }

    @Test
    void protectedResourceMetadataParseNeverThrowsAndRoundTrips() {
        List<String> seeds = List.of(ProtectedResourceMetadataTest.RFC9728_EXAMPLE,
                ProtectedResourceMetadataTest.minimal().build().toString(),
                ProtectedResourceMetadataTest.minimal().add("bearer_methods_supported", Json.createArrayBuilder())
                        .add("resource_name#it", "La mia bella risorsa")
                        .add("resource_signing_alg_values_supported", Json.createArrayBuilder().add("ES256"))
                        .build().toString());
        int accepted = check(2, seeds, ProtectedResourceMetadata::parse,
                m -> ProtectedResourceMetadata.parse(m.toJson()));
        assertThat(accepted).isGreaterThan(COUNT / 20);
    }

    @Test
    void clientMetadataParseNeverThrowsAndRoundTrips() {
        List<String> seeds = List.of(ClientMetadataTest.RFC7591_REQUEST,
                joinDisplayLineBreaks(ClientMetadataTest.RFC7591_REQUEST_JWKS),
                joinDisplayLineBreaks(ClientMetadataTest.RFC7591_REQUEST_SOFTWARE_STATEMENT),
                ClientMetadataTest.MCP_CIMD_EXAMPLE);
        int accepted = check(3, seeds, ClientMetadata::parse, m -> ClientMetadata.parse(m.toJson()));
        assertThat(accepted).isGreaterThan(COUNT / 20);
    }

    @Test
    void clientRegistrationResponseParseNeverThrowsAndRoundTrips() {
        List<String> seeds = List.of(ClientRegistrationResponseTest.RFC7591_RESPONSE,
                ClientRegistrationResponseTest.minimal().add("client_secret", "s").add("client_secret_expires_at", 0)
                        .add("registration_access_token", "reg-23410913-abewfq.123483")
                        .add("registration_client_uri", "https://server.example.com/register/s6BhdRkqt3")
                        .build().toString());
        int accepted = check(4, seeds, ClientRegistrationResponse::parse,
                r -> ClientRegistrationResponse.parse(r.toJson()));
        assertThat(accepted).isGreaterThan(COUNT / 20);
    }

    @Test
    void wellKnownThrowsOnlyIllegalArgumentAndAlwaysInserts() {
        List<String> seeds = List.of("https://as.example.com/tenant1", "https://example.com", "https://h/",
                "https://h:8443/a/b/?q=1", "https://h/a%2Fb", "http://127.0.0.1:8080/mcp");
        AtomicInteger built = new AtomicInteger();
        Mutations.assertOnlyDocumentedFailures(Mutations.of(5, COUNT, seeds), s -> {
            URI uri;
            try {
                uri = new URI(s);
            } catch (URISyntaxException e) {
                return;
            }
            URI resource = WellKnown.protectedResource(uri);
            assertThat(resource.toString()).startsWith(uri.getScheme() + "://" + uri.getRawAuthority()
                    + "/.well-known/oauth-protected-resource");
            for (URI candidate : WellKnown.authorizationServerCandidates(uri)) {
                assertThat(candidate.getRawAuthority()).isEqualTo(uri.getRawAuthority());
                assertThat(candidate.getRawPath()).contains("/.well-known/");
            }
            built.incrementAndGet();
        }, IllegalArgumentException.class);
        assertThat(built.get()).isGreaterThan(COUNT / 20);
    }

    /** Runs the parser on mutated seeds; fails on any exception; returns how many inputs were accepted. */
    private static <T> int check(long seed, List<String> seeds, Function<String, Parsed<T>> parse,
            Function<T, Parsed<T>> reparse) {
        AtomicInteger accepted = new AtomicInteger();
        Mutations.assertOnlyDocumentedFailures(Mutations.of(seed, COUNT, seeds), s -> {
            Parsed<T> parsed = parse.apply(s);
            if (parsed.isValid()) {
                T value = parsed.orElseThrow();
                assertThat(reparse.apply(value).orElseThrow()).isEqualTo(value);
                accepted.incrementAndGet();
            } else {
                assertThat(parsed.violations().isEmpty()).isFalse();
            }
        });
        return accepted.get();
    }
}
