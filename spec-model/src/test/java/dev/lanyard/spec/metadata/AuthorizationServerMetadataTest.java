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

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class AuthorizationServerMetadataTest {

    // RFC 8414 §3.2 (the JSON part of the example response)
    static final String RFC8414_EXAMPLE = """
            {
             "issuer":
               "https://server.example.com",
             "authorization_endpoint":
               "https://server.example.com/authorize",
             "token_endpoint":
               "https://server.example.com/token",
             "token_endpoint_auth_methods_supported":
               ["client_secret_basic", "private_key_jwt"],
             "token_endpoint_auth_signing_alg_values_supported":
               ["RS256", "ES256"],
             "userinfo_endpoint":
               "https://server.example.com/userinfo",
             "jwks_uri":
               "https://server.example.com/jwks.json",
             "registration_endpoint":
               "https://server.example.com/register",
             "scopes_supported":
               ["openid", "profile", "email", "address",
                "phone", "offline_access"],
             "response_types_supported":
               ["code", "code token"],
             "service_documentation":
               "http://server.example.com/service_documentation.html",
             "ui_locales_supported":
               ["en-US", "en-GB", "en-CA", "fr-FR", "fr-CA"]
            }
            """;

    /** A small valid document that negative tests change one member of. */
    static JsonObjectBuilder minimal() {
        return Json.createObjectBuilder()
                .add("issuer", "https://as.example.com/tenant1")
                .add("authorization_endpoint", "https://as.example.com/tenant1/authorize")
                .add("token_endpoint", "https://as.example.com/tenant1/token")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"));
    }

    static Parsed<AuthorizationServerMetadata> parse(JsonObjectBuilder b) {
        return AuthorizationServerMetadata.parse(b.build());
    }

    @Test
    void specExampleRfc8414Section3_2RoundTrips() {
        AuthorizationServerMetadata m = AuthorizationServerMetadata.parse(RFC8414_EXAMPLE).orElseThrow();

        assertThat(m.issuer()).isEqualTo("https://server.example.com");
        assertThat(m.endpoints().token()).contains(URI.create("https://server.example.com/token"));
        assertThat(m.tokenEndpointAuth().methodsSupported())
                .containsExactly(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(m.tokenEndpointAuth().signingAlgValuesSupported()).containsExactly("RS256", "ES256");
        assertThat(m.responseTypesSupported()).containsExactly("code", "code token");
        assertThat(m.documentation().serviceDocumentation())
                .contains(URI.create("http://server.example.com/service_documentation.html"));
        assertThat(m.extensions()).containsOnlyKeys("userinfo_endpoint");
        assertThat(m.supportsS256()).isFalse();
        assertThat(m.toJson()).isEqualTo(json(RFC8414_EXAMPLE));
    }

    @Test
    void parseWhenOidcAndLanguageTaggedMembersThenKeptAsExtensionsInOrder() {
        // RFC 8414 §2: additional members MAY be used; §3.2: members not understood are ignored, here kept
        JsonObject doc = minimal()
                .add("userinfo_endpoint", "https://as.example.com/userinfo")
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("op_tos_uri#fr", "https://as.example.com/cgu")
                .add("x_nested", Json.createObjectBuilder().add("a", JsonValue.NULL))
                .build();

        AuthorizationServerMetadata m = AuthorizationServerMetadata.parse(doc).orElseThrow();

        assertThat(m.extensions().keySet()).containsExactly("userinfo_endpoint",
                "id_token_signing_alg_values_supported", "subject_types_supported", "op_tos_uri#fr", "x_nested");
        assertThat(m.toJson()).isEqualTo(doc);
        assertThat(AuthorizationServerMetadata.parse(m.toJson()).orElseThrow()).isEqualTo(m);
    }

    @Test
    void parseWhenEveryDefinedMemberThenRoundTrips() {
        JsonObject doc = minimal()
                .add("jwks_uri", "https://as.example.com/jwks")
                .add("registration_endpoint", "https://as.example.com/register")
                .add("scopes_supported", Json.createArrayBuilder().add("mcp:tools").add("offline_access"))
                .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                        .add("refresh_token").add("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none")
                        .add("private_key_jwt"))
                .add("token_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("ES256"))
                .add("service_documentation", "https://as.example.com/docs#registration")
                .add("ui_locales_supported", Json.createArrayBuilder().add("en").add("fr-CA"))
                .add("op_policy_uri", "https://as.example.com/policy")
                .add("op_tos_uri", "https://as.example.com/tos")
                .add("revocation_endpoint", "https://as.example.com/revoke")
                .add("revocation_endpoint_auth_methods_supported", Json.createArrayBuilder().add("client_secret_post"))
                .add("revocation_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("introspection_endpoint", "https://as.example.com/introspect")
                .add("introspection_endpoint_auth_methods_supported", Json.createArrayBuilder()
                        .add("client_secret_jwt"))
                .add("introspection_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder()
                        .add("HS256"))
                .add("signed_metadata", "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJodHRwczovL2EifQ.c2ln")
                .add("authorization_response_iss_parameter_supported", true)
                .add("client_id_metadata_document_supported", true)
                .add("pushed_authorization_request_endpoint", "https://as.example.com/par")
                .add("require_pushed_authorization_requests", false)
                .add("dpop_signing_alg_values_supported", Json.createArrayBuilder().add("ES256"))
                .add("identity_chaining_requested_token_types_supported", Json.createArrayBuilder()
                        .add("urn:ietf:params:oauth:token-type:id-jag"))
                .add("authorization_grant_profiles_supported", Json.createArrayBuilder()
                        .add(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE))
                .build();

        AuthorizationServerMetadata m = AuthorizationServerMetadata.parse(doc).orElseThrow();

        assertThat(m.extensions()).isEmpty();
        assertThat(m.issParameterSupported()).isTrue();
        assertThat(m.clientIdMetadataDocumentsSupported()).isTrue();
        assertThat(m.requirePushedAuthorizationRequests()).contains(false);
        assertThat(m.identityChainingRequestedTokenTypesSupported()).containsExactly(TokenTypeUri.ID_JAG);
        assertThat(m.endpoints().pushedAuthorizationRequest()).contains(URI.create("https://as.example.com/par"));
        assertThat(m.introspectionEndpointAuth().usesJwt()).isTrue();
        assertThat(m.toJson()).isEqualTo(doc);
    }

    @Test
    void defaultsWhenMembersAbsentThenRfc8414Defaults() {
        AuthorizationServerMetadata m = parse(minimal()).orElseThrow();

        // RFC 8414 §2: grant_types_supported default ["authorization_code", "implicit"]
        assertThat(m.grantTypesSupportedOrDefault()).extracting(GrantType::value)
                .containsExactly("authorization_code", "implicit");
        // RFC 8414 §2: token_endpoint_auth_methods_supported default client_secret_basic
        assertThat(m.tokenEndpointAuthMethodsOrDefault()).containsExactly(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(m.responseModesSupportedOrDefault()).containsExactly("query", "fragment");
        assertThat(m.issParameterSupported()).isFalse();
        assertThat(m.clientIdMetadataDocumentsSupported()).isFalse();
        assertThat(m.supportsS256()).isTrue();
    }

    @Test
    void supportsS256WhenPkceAbsentOrPlainOnlyThenFalse() {
        // RFC 8414 §2: absent code_challenge_methods_supported means no PKCE; MCP requires S256
        assertThat(parse(minimal().remove("code_challenge_methods_supported")).orElseThrow().supportsS256()).isFalse();
        assertThat(parse(minimal().add("code_challenge_methods_supported", Json.createArrayBuilder().add("plain")))
                .orElseThrow().supportsS256()).isFalse();
    }

    @Test
    void parseWhenIssuerMissingThenRequired() {
        // RFC 8414 §2: issuer REQUIRED
        Violation v = violationAt(parse(minimal().remove("issuer")), "/issuer");
        assertThat(v.message()).contains("REQUIRED");
        assertThat(v.rule()).isEqualTo(Specs.RFC8414_METADATA);
    }

    @Test
    void parseWhenIssuerHttpThenHttpsRequired() {
        // RFC 8414 §2: the issuer is a URL that uses the "https" scheme
        Violation v = violationAt(parse(minimal().add("issuer", "http://as.example.com")), "/issuer");
        assertThat(v.message()).contains("https");
        assertThat(v.rule()).isEqualTo(Specs.RFC8414_METADATA);
    }

    @Test
    void parseWhenIssuerIsHttpOnLoopbackThenAcceptedForDevelopment() {
        // Development exception (as RFC 8252 §7.3 for redirect URIs): http on 127.0.0.1, [::1] or localhost only
        for (String issuer : List.of("http://127.0.0.1:9080", "http://[::1]:9080/idp", "http://localhost:9080")) {
            assertThat(parse(minimal().add("issuer", issuer)).isValid()).as(issuer).isTrue();
        }
        for (String issuer : List.of("http://127.0.0.2", "http://localhost.evil.test", "http://127.0.0.1.nip.io")) {
            assertThat(parse(minimal().add("issuer", issuer)).isValid()).as(issuer).isFalse();
        }
    }

    @Test
    void parseWhenIssuerHasQueryThenRefused() {
        // RFC 8414 §2: the issuer has no query component
        for (String issuer : List.of("https://as.example.com?tenant=1", "https://as.example.com/t?")) {
            Violation v = violationAt(parse(minimal().add("issuer", issuer)), "/issuer");
            assertThat(v.message()).as(issuer).contains("query");
        }
    }

    @Test
    void parseWhenIssuerHasFragmentThenRefused() {
        // RFC 8414 §2: the issuer has no fragment component
        for (String issuer : List.of("https://as.example.com#x", "https://as.example.com/t#")) {
            Violation v = violationAt(parse(minimal().add("issuer", issuer)), "/issuer");
            assertThat(v.message()).as(issuer).contains("fragment");
        }
    }

    @Test
    void parseWhenIssuerNotAUrlThenRefused() {
        for (String issuer : List.of("", "as.example.com", "/tenant1", "https:opaque", "https://:443/",
                "https://a b")) {
            assertThat(parse(minimal().add("issuer", issuer)).violations().has("/issuer")).as(issuer).isTrue();
        }
    }

    @Test
    void parseWhenResponseTypesSupportedMissingThenRequired() {
        // RFC 8414 §2: response_types_supported REQUIRED
        Violation v = violationAt(parse(minimal().remove("response_types_supported")), "/response_types_supported");
        assertThat(v.message()).contains("REQUIRED");
    }

    @Test
    void parseWhenResponseTypesSupportedEmptyThenRefused() {
        // RFC 8414 §2 REQUIRED, and §3.2: claims with zero elements MUST be omitted
        Violation v = violationAt(parse(minimal().add("response_types_supported", JsonValue.EMPTY_JSON_ARRAY)),
                "/response_types_supported");
        assertThat(v.message()).contains("empty");
    }

    @Test
    void parseWhenNoneInAnySigningAlgListThenRefused() {
        // RFC 8414 §2: 'The value "none" MUST NOT be used' (token, revocation, introspection); A-062
        for (String endpoint : List.of("token_endpoint", "revocation_endpoint", "introspection_endpoint")) {
            String name = endpoint + "_auth_signing_alg_values_supported";
            Violation v = violationAt(parse(minimal().add(name, Json.createArrayBuilder().add("RS256").add("none"))),
                    "/" + name + "/1");
            assertThat(v.message()).as(name).contains("none");
            assertThat(v.rule()).isEqualTo(Specs.RFC8414_METADATA);
        }
    }

    @Test
    void parseWhenJwtAuthMethodWithoutSigningAlgsThenRequired() {
        // RFC 8414 §2: the algorithms MUST be present if private_key_jwt or client_secret_jwt is listed
        Violation v = violationAt(parse(minimal().add("token_endpoint_auth_methods_supported",
                Json.createArrayBuilder().add("private_key_jwt"))),
                "/token_endpoint_auth_signing_alg_values_supported");
        assertThat(v.message()).contains("REQUIRED").contains("private_key_jwt");
    }

    @Test
    void parseWhenJwksUriNotHttpsThenRefused() {
        // RFC 8414 §2: jwks_uri "MUST use the https scheme"
        Violation v = violationAt(parse(minimal().add("jwks_uri", "http://as.example.com/jwks")), "/jwks_uri");
        assertThat(v.message()).contains("https");
    }

    @Test
    void parseWhenEndpointRelativeOrWithFragmentThenRefused() {
        // RFC 6749 §3.1, §3.2: endpoints are absolute URIs that MUST NOT include a fragment component
        assertThat(violationAt(parse(minimal().add("authorization_endpoint", "/authorize")), "/authorization_endpoint")
                .message()).contains("absolute");
        assertThat(violationAt(parse(minimal().add("token_endpoint", "https://as.example.com/token#x")),
                "/token_endpoint").message()).contains("fragment");
        assertThat(violationAt(parse(minimal().add("revocation_endpoint", "urn:revoke")), "/revocation_endpoint")
                .message()).contains("host");
    }

    @Test
    void parseWhenTokenEndpointMissingThenRequiredUnlessImplicitOnly() {
        // RFC 8414 §2: token_endpoint is REQUIRED unless only the implicit grant type is supported
        violationAt(parse(minimal().remove("token_endpoint")), "/token_endpoint");
        assertThat(parse(minimal().remove("token_endpoint")
                .add("grant_types_supported", Json.createArrayBuilder().add("implicit"))).isValid()).isTrue();
    }

    @Test
    void parseWhenAuthorizationEndpointMissingThenRequiredOnlyIfAGrantUsesIt() {
        // RFC 8414 §2: authorization_endpoint is REQUIRED unless no grant types are supported that use it
        violationAt(parse(minimal().remove("authorization_endpoint")), "/authorization_endpoint");
        assertThat(parse(minimal().remove("authorization_endpoint")
                .add("grant_types_supported", Json.createArrayBuilder().add("client_credentials"))).isValid()).isTrue();
    }

    @Test
    void parseWhenIdJagProfileWithoutJwtBearerGrantThenRefused() {
        // ID-JAG §7: listing the profile requires urn:ietf:params:oauth:grant-type:jwt-bearer in grant_types_supported
        Violation v = violationAt(parse(minimal().add("authorization_grant_profiles_supported",
                Json.createArrayBuilder().add(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE))),
                "/grant_types_supported");
        assertThat(v.rule()).isEqualTo(Specs.ID_JAG_METADATA);
        assertThat(parse(minimal().add("authorization_grant_profiles_supported",
                Json.createArrayBuilder().add(AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                        .add("urn:ietf:params:oauth:grant-type:jwt-bearer"))).isValid()).isTrue();
    }

    @Test
    void parseWhenGrantProfilesIsAStringThenRefused() {
        // ID-JAG §7: authorization_grant_profiles_supported MUST be a JSON array of strings
        Violation v = violationAt(parse(minimal().add("authorization_grant_profiles_supported",
                AuthorizationServerMetadata.ID_JAG_GRANT_PROFILE)), "/authorization_grant_profiles_supported");
        assertThat(v.message()).contains("array");
    }

    @Test
    void parseWhenMembersHaveWrongJsonTypesThenEachNamed() {
        JsonObject doc = minimal()
                .add("issuer", 42)
                .add("grant_types_supported", "authorization_code")
                .add("scopes_supported", Json.createArrayBuilder().add(1))
                .add("client_id_metadata_document_supported", "true")
                .add("authorization_response_iss_parameter_supported", 1)
                .add("require_pushed_authorization_requests", JsonValue.NULL)
                .add("signed_metadata", Json.createObjectBuilder())
                .build();

        Parsed<AuthorizationServerMetadata> p = AuthorizationServerMetadata.parse(doc);

        assertThat(violationAt(p, "/issuer").message()).contains("string");
        assertThat(violationAt(p, "/grant_types_supported").message()).contains("array");
        assertThat(violationAt(p, "/scopes_supported/0").message()).contains("string");
        assertThat(violationAt(p, "/client_id_metadata_document_supported").message()).contains("boolean");
        assertThat(violationAt(p, "/client_id_metadata_document_supported").rule()).isEqualTo(Specs.CIMD_METADATA);
        assertThat(violationAt(p, "/authorization_response_iss_parameter_supported").rule())
                .isEqualTo(Specs.RFC9207_METADATA);
        assertThat(violationAt(p, "/require_pushed_authorization_requests").message()).contains("boolean");
        assertThat(violationAt(p, "/signed_metadata").message()).contains("string");
    }

    @Test
    void parseWhenScopeValueHasSpaceThenNotAScopeToken() {
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        Violation v = violationAt(parse(minimal().add("scopes_supported", Json.createArrayBuilder().add("a b"))),
                "/scopes_supported/0");
        assertThat(v.rule()).isEqualTo(Specs.RFC6749_SCOPE);
    }

    @Test
    void parseWhenSignedMetadataNotASignedJwtThenRefused() {
        // RFC 8414 §2.1: signed metadata MUST be digitally signed or MACed using JWS
        for (String jwt : List.of("not-a-jwt", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.", "a.b.c.d", "a.b+.c")) {
            Violation v = violationAt(parse(minimal().add("signed_metadata", jwt)), "/signed_metadata");
            assertThat(v.rule()).as(jwt).isEqualTo(Specs.RFC8414_SIGNED_METADATA);
        }
    }

    @Test
    void parseWhenSeveralRulesBrokenThenAllReported() {
        Parsed<AuthorizationServerMetadata> p = parse(minimal().add("issuer", "http://as.example.com")
                .remove("response_types_supported").add("jwks_uri", "http://as.example.com/jwks"));
        assertThat(p.violations().items()).extracting(Violation::pointer)
                .contains("/issuer", "/response_types_supported", "/jwks_uri");
    }

    @Test
    void parseStringWhenDuplicateMemberThenInvalid() {
        // INP-04: a duplicate member could be read differently by two parsers
        Parsed<AuthorizationServerMetadata> p = AuthorizationServerMetadata.parse(
                "{\"issuer\":\"https://as.example.com\",\"issuer\":\"https://evil.example\","
                        + "\"response_types_supported\":[\"code\"]}");
        assertThat(p.isValid()).isFalse();
        assertThat(p.violations().items()).extracting(Violation::rule).containsOnly(Specs.RFC8259_JSON);
    }

    @Test
    void parseStringWhenTopLevelNotAnObjectThenInvalid() {
        for (String text : List.of("[]", "null", "\"https://as.example.com\"", "", "{", "{} {}")) {
            Parsed<AuthorizationServerMetadata> p = AuthorizationServerMetadata.parse(text);
            assertThat(p.isValid()).as(text).isFalse();
            assertThat(p.violations().has("")).as(text).isTrue();
        }
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        AuthorizationServerMetadata m = parse(minimal()).orElseThrow();
        assertThatThrownBy(() -> copy(m, "http://as.example.com", m.responseTypesSupported(), m.extensions()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> copy(m, m.issuer(), List.of(), m.extensions()))
                .isInstanceOf(IllegalArgumentException.class);
        // an extension named like a defined member would be written twice
        assertThatThrownBy(() -> copy(m, m.issuer(), m.responseTypesSupported(),
                Map.of("token_endpoint", Json.createValue("https://evil.example/token"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationServerMetadata.EndpointAuth(List.of(), List.of("none")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationServerMetadata.EndpointAuth(
                List.of(ClientAuthMethod.PRIVATE_KEY_JWT), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationServerMetadata.Endpoints(Optional.of(URI.create("/authorize")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extensionsWhenModifiedThenUnsupported() {
        AuthorizationServerMetadata m = parse(minimal().add("x", 1)).orElseThrow();
        assertThatThrownBy(() -> m.extensions().put("y", JsonValue.TRUE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.scopesSupported().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static AuthorizationServerMetadata copy(AuthorizationServerMetadata m, String issuer,
            List<String> responseTypes, Map<String, JsonValue> extensions) {
        return new AuthorizationServerMetadata(issuer, m.endpoints(), m.jwksUri(), m.scopesSupported(), responseTypes,
                m.responseModesSupported(), m.grantTypesSupported(), m.tokenEndpointAuth(), m.documentation(),
                m.revocationEndpointAuth(), m.introspectionEndpointAuth(), m.codeChallengeMethodsSupported(),
                m.signedMetadata(), m.authorizationResponseIssParameterSupported(),
                m.clientIdMetadataDocumentSupported(), m.requirePushedAuthorizationRequests(),
                m.dpopSigningAlgValuesSupported(), m.identityChainingRequestedTokenTypesSupported(),
                m.authorizationGrantProfilesSupported(), extensions);
    }
}
