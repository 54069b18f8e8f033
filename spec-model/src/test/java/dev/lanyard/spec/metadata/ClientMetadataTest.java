package dev.lanyard.spec.metadata;

import static dev.lanyard.spec.metadata.SpecText.joinDisplayLineBreaks;
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

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class ClientMetadataTest {

    // Note: javac turns the backslash-u escapes of the RFC text into the characters they name before the JSON
    // parser runs, which yields the same JSON string value as the parser decoding the escapes itself.

    // RFC 7591 §3.1, first example: a request not using an initial access token
    static final String RFC7591_REQUEST = """
            {
             "redirect_uris": [
               "https://client.example.org/callback",
               "https://client.example.org/callback2"],
             "client_name": "My Example Client",
             "client_name#ja-Jpan-JP":
                "\u30AF\u30E9\u30A4\u30A2\u30F3\u30C8\u540D",
             "token_endpoint_auth_method": "client_secret_basic",
             "logo_uri": "https://client.example.org/logo.png",
             "jwks_uri": "https://client.example.org/my_public_keys.jwks",
             "example_extension_parameter": "example_value"
            }
            """;

    // RFC 7591 §3.1, second example: registering a JWK Set by value (line breaks within values are for display
    // purposes only; SpecText.joinDisplayLineBreaks removes them)
    static final String RFC7591_REQUEST_JWKS = """
            {
             "redirect_uris": ["https://client.example.org/callback",
                "https://client.example.org/callback2"],
             "client_name": "My Example Client",
             "client_name#ja-Jpan-JP":
                "\u30AF\u30E9\u30A4\u30A2\u30F3\u30C8\u540D",
             "token_endpoint_auth_method": "client_secret_basic",
             "policy_uri": "https://client.example.org/policy.html",
             "jwks": {"keys": [{
                "e": "AQAB",
                "n": "nj3YJwsLUFl9BmpAbkOswCNVx17Eh9wMO-_AReZwBqfaWFcfG
            HrZXsIV2VMCNVNU8Tpb4obUaSXcRcQ-VMsfQPJm9IzgtRdAY8NN8Xb7PEcYyk
            lBjvTtuPbpzIaqyiUepzUXNDFuAOOkrIol3WmflPUUgMKULBN0EUd1fpOD70p
            RM0rlp_gg_WNUKoW1V-3keYUJoXH9NztEDm_D2MQXj9eGOJJ8yPgGL8PAZMLe
            2R7jb9TxOCPDED7tY_TU4nFPlxptw59A42mldEmViXsKQt60s1SLboazxFKve
            qXC_jpLUt22OC6GUG63p-REw-ZOr3r845z50wMuzifQrMI9bQ",
                "kty": "RSA"
             }]},
             "example_extension_parameter": "example_value"
            }
            """;

    // RFC 7591 §3.1.1: a request using a software statement (line breaks within values for display purposes only)
    static final String RFC7591_REQUEST_SOFTWARE_STATEMENT = """
            {
              "redirect_uris": [
                "https://client.example.org/callback",
                "https://client.example.org/callback2"
              ],
              "software_statement": "eyJhbGciOiJSUzI1NiJ9.
            eyJzb2Z0d2FyZV9pZCI6IjROUkIxLTBYWkFCWkk5RTYtNVNNM1IiLCJjbGll
            bnRfbmFtZSI6IkV4YW1wbGUgU3RhdGVtZW50LWJhc2VkIENsaWVudCIsImNs
            aWVudF91cmkiOiJodHRwczovL2NsaWVudC5leGFtcGxlLm5ldC8ifQ.
            GHfL4QNIrQwL18BSRdE595T9jbzqa06R9BT8w409x9oIcKaZo_mt15riEXHa
            zdISUvDIZhtiyNrSHQ8K4TvqWxH6uJgcmoodZdPwmWRIEYbQDLqPNxREtYn0
            5X3AR7ia4FRjQ2ojZjk5fJqJdQ-JcfxyhK-P8BAWBd6I2LLA77IG32xtbhxY
            fHX7VhuU5ProJO8uvu3Ayv4XRhLZJY4yKfmyjiiKiPNe-Ia4SMy_d_QSWxsk
            U5XIQl5Sa2YRPMbDRXttm2TfnZM1xx70DoYi8g6czz-CPGRi4SW_S2RKHIJf
            IjoI3zTJ0Y2oe0_EJAiXbL6OyF9S5tKxDXV8JIndSA",
              "scope": "read write",
              "example_extension_parameter": "example_value"
            }
            """;

    // MCP 2026-07-28 basic/authorization/client-registration, "Example Metadata Document" (a Client ID Metadata
    // Document; the CIMD drafts -00 and -01 show only a partial, "..."-elided fragment, not a complete document)
    static final String MCP_CIMD_EXAMPLE = """
            {
              "client_id": "https://app.example.com/oauth/client-metadata.json",
              "client_name": "Example MCP Client",
              "client_uri": "https://app.example.com",
              "logo_uri": "https://app.example.com/logo.png",
              "redirect_uris": [
                "http://127.0.0.1:3000/callback",
                "http://localhost:3000/callback"
              ],
              "grant_types": ["authorization_code"],
              "response_types": ["code"],
              "token_endpoint_auth_method": "none"
            }
            """;

    static JsonObjectBuilder minimal() {
        return Json.createObjectBuilder()
                .add("redirect_uris", Json.createArrayBuilder().add("https://client.example.org/callback"))
                .add("client_name", "Example");
    }

    static Parsed<ClientMetadata> parse(JsonObjectBuilder b) {
        return ClientMetadata.parse(b.build());
    }

    @Test
    void specExampleRfc7591Section3_1RequestRoundTrips() {
        ClientMetadata m = ClientMetadata.parse(RFC7591_REQUEST).orElseThrow();

        assertThat(m.redirectUris()).containsExactly(URI.create("https://client.example.org/callback"),
                URI.create("https://client.example.org/callback2"));
        assertThat(m.tokenEndpointAuthMethod()).contains(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(m.jwksUri()).contains(URI.create("https://client.example.org/my_public_keys.jwks"));
        // RFC 7591 §2.2: language-tagged members are kept, and round-trip
        assertThat(m.localized("client_name")).containsExactly(Map.entry("ja-Jpan-JP", "クライアント名"));
        assertThat(m.extensions()).containsOnlyKeys("client_name#ja-Jpan-JP", "example_extension_parameter");
        assertThat(m.toJson()).isEqualTo(json(RFC7591_REQUEST));
    }

    @Test
    void specExampleRfc7591Section3_1RequestWithJwksRoundTrips() {
        String text = joinDisplayLineBreaks(RFC7591_REQUEST_JWKS);
        ClientMetadata m = ClientMetadata.parse(text).orElseThrow();

        assertThat(m.jwks()).isPresent();
        assertThat(m.jwks().orElseThrow().getJsonArray("keys").getJsonObject(0).getString("n"))
                .startsWith("nj3YJwsLUFl9").endsWith("zifQrMI9bQ").doesNotContain(" ", "\n");
        assertThat(m.jwksUri()).isEmpty();
        assertThat(m.policyUri()).contains(URI.create("https://client.example.org/policy.html"));
        assertThat(m.toJson()).isEqualTo(json(text));
    }

    @Test
    void specExampleRfc7591Section3_1_1SoftwareStatementRoundTrips() {
        String text = joinDisplayLineBreaks(RFC7591_REQUEST_SOFTWARE_STATEMENT);
        ClientMetadata m = ClientMetadata.parse(text).orElseThrow();

        assertThat(m.softwareStatement()).hasValueSatisfying(s -> assertThat(s).startsWith("eyJhbGciOiJSUzI1NiJ9.")
                .endsWith("JIndSA"));
        assertThat(m.scope()).contains(Scope.of("read", "write"));
        assertThat(m.toJson()).isEqualTo(json(text));
    }

    @Test
    void specExampleMcpClientIdMetadataDocumentRoundTrips() {
        ClientMetadata m = ClientMetadata.parse(MCP_CIMD_EXAMPLE).orElseThrow();

        assertThat(m.clientId()).contains("https://app.example.com/oauth/client-metadata.json");
        assertThat(m.redirectUris()).extracting(URI::toString)
                .containsExactly("http://127.0.0.1:3000/callback", "http://localhost:3000/callback");
        assertThat(m.tokenEndpointAuthMethod()).contains(ClientAuthMethod.NONE);
        assertThat(m.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(m.extensions()).isEmpty();
        assertThat(m.toJson()).isEqualTo(json(MCP_CIMD_EXAMPLE));
    }

    @Test
    void parseWhenOidcAndRegistrationMembersThenKeptOrTyped() {
        // MCP 2026-07-28 client-registration: application_type is sent in registrations
        JsonObject doc = minimal().add("application_type", "native")
                .add("token_endpoint_auth_signing_alg", "ES256")
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add("https://client.example.org/bye"))
                .add("client_secret", "cf136dc3c1fc93f31185e5885805d")
                .build();

        ClientMetadata m = ClientMetadata.parse(doc).orElseThrow();

        assertThat(m.applicationType()).contains("native");
        assertThat(m.tokenEndpointAuthSigningAlg()).contains("ES256");
        assertThat(m.extensions()).containsOnlyKeys("post_logout_redirect_uris", "client_secret");
        assertThat(m.toJson()).isEqualTo(doc);
        assertThat(m.toString()).doesNotContain("cf136dc3c1fc93f31185e5885805d").contains("client_secret=<redacted>");
    }

    @Test
    void defaultsWhenMembersAbsentThenRfc7591Defaults() {
        ClientMetadata m = parse(Json.createObjectBuilder()).orElseThrow();
        // RFC 7591 §2: client_secret_basic, ["authorization_code"], ["code"]
        assertThat(m.tokenEndpointAuthMethodOrDefault()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(m.grantTypesOrDefault()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(m.responseTypesOrDefault()).containsExactly("code");
        assertThat(m.toJson()).isEmpty();
    }

    @Test
    void parseWhenJwksAndJwksUriTogetherThenRefused() {
        // RFC 7591 §2: "The jwks_uri and jwks parameters MUST NOT both be present in the same request or response."
        //
        Violation v = violationAt(parse(minimal().add("jwks_uri", "https://client.example.org/jwks")
                .add("jwks", Json.createObjectBuilder().add("keys", JsonValue.EMPTY_JSON_ARRAY))), "/jwks");
        assertThat(v.message()).contains("jwks_uri");
        assertThat(v.rule()).isEqualTo(Specs.RFC7591_METADATA);
    }

    @Test
    void parseWhenJwksNotAJwkSetThenRefused() {
        // RFC 7591 §2: jwks "MUST be a JSON object containing a valid JWK Set"; RFC 7517 §5: "keys" REQUIRED
        assertThat(violationAt(parse(minimal().add("jwks", Json.createObjectBuilder())), "/jwks").rule())
                .isEqualTo(Specs.RFC7517_JWK_SET);
        assertThat(violationAt(parse(minimal().add("jwks", Json.createObjectBuilder()
                .add("keys", Json.createArrayBuilder().add("k")))), "/jwks").message()).contains("object");
        assertThat(violationAt(parse(minimal().add("jwks", "https://client.example.org/jwks")), "/jwks").message())
                .contains("object");
    }

    @Test
    void parseWhenRedirectUriNotAbsoluteThenRefused() {
        // RFC 6749 §3.1.2: the redirection endpoint URI MUST be an absolute URI
        Violation v = violationAt(parse(minimal().add("redirect_uris", Json.createArrayBuilder()
                .add("https://client.example.org/cb").add("/callback"))), "/redirect_uris/1");
        assertThat(v.message()).contains("absolute");
        assertThat(v.rule()).isEqualTo(Specs.RFC6749_REDIRECT_URI);
    }

    @Test
    void parseWhenRedirectUriHasFragmentThenRefused() {
        // RFC 6749 §3.1.2: the endpoint URI MUST NOT include a fragment component
        assertThat(violationAt(parse(minimal().add("redirect_uris", Json.createArrayBuilder()
                .add("https://client.example.org/cb#frag"))), "/redirect_uris/0").message()).contains("fragment");
    }

    @Test
    void parseWhenRedirectUriUsesPrivateSchemeThenAccepted() {
        // RFC 8252 §7.1: private-use URI scheme redirects have no authority
        assertThat(parse(minimal().add("redirect_uris", Json.createArrayBuilder()
                .add("com.example.app:/oauth2redirect/example-provider"))).isValid()).isTrue();
    }

    @Test
    void parseWhenUrlMembersRelativeThenEachNamed() {
        Parsed<ClientMetadata> p = parse(minimal().add("client_uri", "client.example.org")
                .add("logo_uri", "/logo.png").add("tos_uri", "tos").add("policy_uri", "").add("jwks_uri", "//h/j"));
        for (String name : List.of("client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri")) {
            assertThat(violationAt(p, "/" + name).message()).as(name).contains("absolute");
        }
    }

    @Test
    void parseWhenSigningAlgNoneThenRefused() {
        // OpenID Connect Registration §2: token_endpoint_auth_signing_alg "none" MUST NOT be used
        Violation v = violationAt(parse(minimal().add("token_endpoint_auth_signing_alg", "none")),
                "/token_endpoint_auth_signing_alg");
        assertThat(v.rule()).isEqualTo(Specs.OIDC_REGISTRATION_METADATA);
    }

    @Test
    void parseWhenScopeHasInvalidTokenThenRefused() {
        // RFC 7591 §2 / RFC 6749 §3.3: space-separated scope-tokens
        assertThat(violationAt(parse(minimal().add("scope", "read \"write\"")), "/scope").rule())
                .isEqualTo(Specs.RFC6749_SCOPE);
    }

    @Test
    void parseWhenMembersHaveWrongJsonTypesThenEachNamed() {
        Parsed<ClientMetadata> p = parse(Json.createObjectBuilder()
                .add("redirect_uris", "https://client.example.org/cb")
                .add("token_endpoint_auth_method", "")
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add(""))
                .add("response_types", Json.createArrayBuilder().add(JsonValue.NULL))
                .add("client_name", 12)
                .add("contacts", "ops@example.org")
                .add("client_id", "")
                .add("software_statement", "not.a jwt.x"));
        assertThat(violationAt(p, "/redirect_uris").message()).contains("array");
        assertThat(violationAt(p, "/token_endpoint_auth_method").message()).contains("empty");
        assertThat(violationAt(p, "/grant_types/1").message()).contains("empty");
        assertThat(violationAt(p, "/response_types/0").message()).contains("string");
        assertThat(violationAt(p, "/client_name").message()).contains("string");
        assertThat(violationAt(p, "/contacts").message()).contains("array");
        assertThat(violationAt(p, "/client_id").message()).contains("empty");
        assertThat(violationAt(p, "/software_statement").message()).contains("JWT");
    }

    @Test
    void parseStringWhenRedirectUrisDuplicatedThenInvalid() {
        // A-068 (d): redirect_uris twice, a safe value first, then https://evil.test/cb
        Parsed<ClientMetadata> p = ClientMetadata.parse("{\"redirect_uris\":[\"https://client.example.org/cb\"],"
                + "\"redirect_uris\":[\"https://evil.test/cb\"]}");
        assertThat(p.isValid()).isFalse();
        assertThat(p.violations().items()).extracting(Violation::rule).containsOnly(Specs.RFC8259_JSON);
    }

    @Test
    void parseStringWhenTopLevelNullOrArrayThenInvalid() {
        // A-068 (b), (c): a JSON null body and a JSON array body
        for (String text : List.of("null", "[]", "[" + MCP_CIMD_EXAMPLE + "]")) {
            assertThat(ClientMetadata.parse(text).violations().has("")).as(text).isTrue();
        }
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        ClientMetadata m = ClientMetadata.parse(RFC7591_REQUEST).orElseThrow();
        JsonObject jwks = Json.createObjectBuilder().add("keys", JsonValue.EMPTY_JSON_ARRAY).build();
        assertThatThrownBy(() -> copy(m, m.redirectUris(), Optional.of(jwks), m.extensions()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(m, List.of(URI.create("/cb")), Optional.empty(), m.extensions()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(m, m.redirectUris(), Optional.empty(),
                Map.of("redirect_uris", JsonValue.EMPTY_JSON_ARRAY))).isInstanceOf(IllegalArgumentException.class);
        assertThat(copy(m, m.redirectUris(), Optional.empty(), Map.of())).isNotEqualTo(m);
    }

    private static ClientMetadata copy(ClientMetadata m, List<URI> redirectUris, Optional<JsonObject> jwks,
            Map<String, JsonValue> extensions) {
        return new ClientMetadata(redirectUris, m.tokenEndpointAuthMethod(), m.grantTypes(), m.responseTypes(),
                m.clientName(), m.clientUri(), m.logoUri(), m.scope(), m.contacts(), m.tosUri(), m.policyUri(),
                m.jwksUri(), jwks, m.softwareId(), m.softwareVersion(), m.softwareStatement(), m.clientId(),
                m.applicationType(), m.tokenEndpointAuthSigningAlg(), extensions);
    }
}
