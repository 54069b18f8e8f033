package dev.lanyard.spec.metadata;

import static dev.lanyard.spec.metadata.SpecText.json;
import static dev.lanyard.spec.metadata.SpecText.violationAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class ProtectedResourceMetadataTest {

    // RFC 9728 §3.2 (the JSON part of the example response; the only JSON document example in RFC 9728)
    static final String RFC9728_EXAMPLE = """
            {
             "resource":
               "https://resource.example.com",
             "authorization_servers":
               ["https://as1.example.com",
                "https://as2.example.net"],
             "bearer_methods_supported":
               ["header", "body"],
             "scopes_supported":
               ["profile", "email", "phone"],
             "resource_documentation":
               "https://resource.example.com/resource_documentation.html"
            }
            """;

    static JsonObjectBuilder minimal() {
        return Json.createObjectBuilder()
                .add("resource", "https://mcp.example.com/mcp")
                .add("authorization_servers", Json.createArrayBuilder().add("https://as.example.com/tenant1"));
    }

    static Parsed<ProtectedResourceMetadata> parse(JsonObjectBuilder b) {
        return ProtectedResourceMetadata.parse(b.build());
    }

    @Test
    void specExampleRfc9728Section3_2RoundTrips() {
        ProtectedResourceMetadata m = ProtectedResourceMetadata.parse(RFC9728_EXAMPLE).orElseThrow();

        assertThat(m.resource()).isEqualTo("https://resource.example.com");
        assertThat(m.authorizationServers()).containsExactly("https://as1.example.com", "https://as2.example.net");
        assertThat(m.bearerMethodsSupported()).contains(List.of("header", "body"));
        assertThat(m.scopesSupported()).containsExactly("profile", "email", "phone");
        assertThat(m.resourceDocumentation())
                .contains(URI.create("https://resource.example.com/resource_documentation.html"));
        assertThat(m.extensions()).isEmpty();
        assertThat(m.toJson()).isEqualTo(json(RFC9728_EXAMPLE));
    }

    @Test
    void parseWhenLanguageTaggedNamesThenKeptAndListed() {
        // RFC 9728 §2.1: "resource_name#en": "My Resource" and "resource_name#it": "La mia bella risorsa"
        JsonObject doc = minimal().add("resource_name", "My Resource")
                .add("resource_name#en", "My Resource")
                .add("resource_name#it", "La mia bella risorsa")
                .build();

        ProtectedResourceMetadata m = ProtectedResourceMetadata.parse(doc).orElseThrow();

        assertThat(m.resourceName()).contains("My Resource");
        assertThat(m.localizedResourceNames()).containsExactly(Map.entry("en", "My Resource"),
                Map.entry("it", "La mia bella risorsa"));
        assertThat(m.toJson()).isEqualTo(doc);
    }

    @Test
    void parseWhenEveryDefinedMemberThenRoundTrips() {
        JsonObject doc = minimal()
                .add("jwks_uri", "https://mcp.example.com/jwks")
                .add("scopes_supported", Json.createArrayBuilder().add("mcp:tools"))
                .add("bearer_methods_supported", Json.createArrayBuilder().add("header"))
                .add("resource_signing_alg_values_supported", Json.createArrayBuilder().add("ES256"))
                .add("resource_name", "Example MCP server")
                .add("resource_documentation", "https://mcp.example.com/docs")
                .add("resource_policy_uri", "https://mcp.example.com/policy")
                .add("resource_tos_uri", "https://mcp.example.com/tos")
                .add("tls_client_certificate_bound_access_tokens", false)
                .add("authorization_details_types_supported", Json.createArrayBuilder().add("payment_initiation"))
                .add("dpop_signing_alg_values_supported", Json.createArrayBuilder().add("ES256"))
                .add("dpop_bound_access_tokens_required", true)
                .add("signed_metadata", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2EifQ.c2ln")
                .build();

        ProtectedResourceMetadata m = ProtectedResourceMetadata.parse(doc).orElseThrow();

        assertThat(m.extensions()).isEmpty();
        assertThat(m.dpopBoundAccessTokensRequiredOrDefault()).isTrue();
        assertThat(m.tlsClientCertificateBoundAccessTokensOrDefault()).isFalse();
        assertThat(m.toJson()).isEqualTo(doc);
        assertThat(ProtectedResourceMetadata.parse(m.toJson()).orElseThrow()).isEqualTo(m);
    }

    @Test
    void parseWhenBearerMethodsEmptyThenKeptDistinctFromAbsent() {
        // RFC 9728 §2: "The empty array [] can be used to indicate that no bearer methods are supported."
        ProtectedResourceMetadata none = parse(minimal().add("bearer_methods_supported", JsonValue.EMPTY_JSON_ARRAY))
                .orElseThrow();
        ProtectedResourceMetadata absent = parse(minimal()).orElseThrow();

        assertThat(none.bearerMethodsSupported()).contains(List.of());
        assertThat(absent.bearerMethodsSupported()).isEmpty();
        assertThat(none.toJson().getJsonArray("bearer_methods_supported")).isEmpty();
        assertThat(absent.toJson()).doesNotContainKey("bearer_methods_supported");
    }

    @Test
    void parseWhenResourceHasQueryThenTolerated() {
        // RFC 9728 §1.2: a query SHOULD NOT be used but is recognized as sometimes necessary
        assertThat(parse(minimal().add("resource", "https://mcp.example.com/mcp?tenant=a")).orElseThrow().resource())
                .isEqualTo("https://mcp.example.com/mcp?tenant=a");
    }

    @Test
    void parseWhenResourceEscapedOrUnnormalizedThenExactCodePoints() {
        // RFC 9728 §6: remove JSON escaping, never apply Unicode normalization, compare code point by code point
        ProtectedResourceMetadata escaped = ProtectedResourceMetadata.parse(
                "{\"resource\":\"https:\\/\\/h.example\\/mcp\"}").orElseThrow();
        ProtectedResourceMetadata nfd = parse(minimal().add("resource", "https://h.example/cafe\u0301"))
                .orElseThrow();

        assertThat(escaped.resource()).isEqualTo("https://h.example/mcp");
        assertThat(nfd.resource()).isEqualTo("https://h.example/cafe\u0301")
                .isNotEqualTo("https://h.example/caf\u00e9");
    }

    @Test
    void parseWhenResourceMissingThenRequired() {
        // RFC 9728 §2: resource REQUIRED
        Violation v = violationAt(parse(minimal().remove("resource")), "/resource");
        assertThat(v.message()).contains("REQUIRED");
        assertThat(v.rule()).isEqualTo(Specs.RFC9728_METADATA);
    }

    @Test
    void parseWhenResourceNotHttpsOrWithFragmentOrRelativeThenRefused() {
        // RFC 9728 §1.2: a URL that uses the https scheme and has no fragment component
        assertThat(violationAt(parse(minimal().add("resource", "http://mcp.example.com/mcp")), "/resource")
                .message()).contains("https");
        assertThat(violationAt(parse(minimal().add("resource", "https://mcp.example.com/mcp#x")), "/resource")
                .message()).contains("fragment");
        assertThat(violationAt(parse(minimal().add("resource", "/mcp")), "/resource").message()).contains("absolute");
        assertThat(violationAt(parse(minimal().add("resource", "urn:example:mcp")), "/resource").message())
                .contains("https");
    }

    @Test
    void parseWhenAuthorizationServerNotAnIssuerIdentifierThenRefused() {
        // RFC 9728 §2: issuer identifiers as defined in RFC 8414 (https, no query, no fragment)
        Parsed<ProtectedResourceMetadata> p = parse(minimal().add("authorization_servers", Json.createArrayBuilder()
                .add("https://as.example.com").add("http://as.example.com").add("https://as.example.com?x")
                .add(7)));
        assertThat(violationAt(p, "/authorization_servers/1").message()).contains("https");
        assertThat(violationAt(p, "/authorization_servers/2").message()).contains("query");
        assertThat(violationAt(p, "/authorization_servers/3").message()).contains("string");
        assertThat(p.violations().has("/authorization_servers/0")).isFalse();
    }

    @Test
    void parseWhenBearerMethodUnknownThenRefused() {
        // RFC 9728 §2: defined values are ["header", "body", "query"]
        Violation v = violationAt(parse(minimal().add("bearer_methods_supported",
                Json.createArrayBuilder().add("header").add("cookie"))), "/bearer_methods_supported/1");
        assertThat(v.message()).contains("header");
    }

    @Test
    void parseWhenNoneInResourceSigningAlgsThenRefused() {
        // RFC 9728 §2: "The value none MUST NOT be used."
        Violation v = violationAt(parse(minimal().add("resource_signing_alg_values_supported",
                Json.createArrayBuilder().add("none"))), "/resource_signing_alg_values_supported/0");
        assertThat(v.message()).contains("none");
        assertThat(v.rule()).isEqualTo(Specs.RFC9728_METADATA);
    }

    @Test
    void parseWhenJwksUriNotHttpsThenRefused() {
        // RFC 9728 §2: jwks_uri "MUST use the https scheme"
        assertThat(violationAt(parse(minimal().add("jwks_uri", "http://mcp.example.com/jwks")), "/jwks_uri")
                .message()).contains("https");
    }

    @Test
    void parseWhenMembersHaveWrongJsonTypesThenEachNamed() {
        Parsed<ProtectedResourceMetadata> p = parse(minimal()
                .add("authorization_servers", "https://as.example.com")
                .add("scopes_supported", Json.createObjectBuilder())
                .add("resource_name", JsonValue.TRUE)
                .add("tls_client_certificate_bound_access_tokens", "false")
                .add("dpop_bound_access_tokens_required", 0));
        assertThat(violationAt(p, "/authorization_servers").message()).contains("array");
        assertThat(violationAt(p, "/scopes_supported").message()).contains("array");
        assertThat(violationAt(p, "/resource_name").message()).contains("string");
        assertThat(violationAt(p, "/tls_client_certificate_bound_access_tokens").message()).contains("boolean");
        assertThat(violationAt(p, "/dpop_bound_access_tokens_required").message()).contains("boolean");
    }

    @Test
    void parseWhenSignedMetadataNotAJwsThenRefused() {
        // RFC 9728 §2.2: signed metadata MUST be digitally signed or MACed using JWS
        Violation v = violationAt(parse(minimal().add("signed_metadata", "{}")), "/signed_metadata");
        assertThat(v.rule()).isEqualTo(Specs.RFC9728_SIGNED_METADATA);
    }

    @Test
    void parseStringWhenDuplicateResourceThenInvalid() {
        // RFC 9728 §3.3 relies on one resource value; a duplicate could be read either way
        Parsed<ProtectedResourceMetadata> p = ProtectedResourceMetadata.parse(
                "{\"resource\":\"https://mcp.example.com/mcp\",\"resource\":\"https://evil.example/mcp\"}");
        assertThat(p.isValid()).isFalse();
        assertThat(p.violations().items()).extracting(Violation::rule).containsOnly(Specs.RFC8259_JSON);
    }

    @Test
    void parseStringWhenTopLevelNotAnObjectThenInvalid() {
        for (String text : List.of("[]", "null", "true", "[{\"resource\":\"https://mcp.example.com\"}]")) {
            assertThat(ProtectedResourceMetadata.parse(text).violations().has("")).as(text).isTrue();
        }
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> build("http://mcp.example.com", List.of(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> build("https://mcp.example.com", List.of("https://as#x"), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> build("https://mcp.example.com", List.of(), Optional.of(List.of("cookie")),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> build("https://mcp.example.com", List.of(), Optional.empty(), List.of("none")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(build("https://mcp.example.com", List.of("https://as.example.com"), Optional.of(List.of()),
                List.of("ES256")).resourceUri()).isEqualTo(URI.create("https://mcp.example.com"));
    }

    private static ProtectedResourceMetadata build(String resource, List<String> servers,
            Optional<List<String>> bearerMethods, List<String> signingAlgs) {
        return new ProtectedResourceMetadata(resource, servers, Optional.empty(), List.of(), bearerMethods,
                signingAlgs, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of());
    }
}
