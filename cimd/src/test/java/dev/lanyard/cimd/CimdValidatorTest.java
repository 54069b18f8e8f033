package dev.lanyard.cimd;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.error.Violation;
import dev.lanyard.spec.ref.Specs;

class CimdValidatorTest {

    static final String URL = "https://cimd.example.test/app";
    private static final ClientIdUrl CLIENT = ClientIdUrl.parse(URL);
    private final CimdValidator validator = CimdValidator.create();

    // MCP 2026-07-28 basic/authorization/client-registration, "Example Metadata Document" (the CIMD drafts show only
    // partial, "..."-elided fragments)
    static final String MCP_EXAMPLE = """
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
        return Json.createObjectBuilder().add("client_id", URL).add("client_name", "Example")
                .add("redirect_uris", Json.createArrayBuilder().add("https://cimd.example.test/cb"));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private ClientIdMetadataDocument valid(JsonObjectBuilder document) {
        return validator.validate(CLIENT, document.build()).orElseThrow();
    }

    private Violation violation(CimdValidator v, JsonObject document, String pointer) {
        Parsed<ClientIdMetadataDocument> parsed = v.validate(CLIENT, document);
        assertThat(parsed.isValid()).as("document is refused").isFalse();
        return parsed.violations().items().stream().filter(x -> x.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + pointer + ": " + parsed.violations()));
    }

    private Violation violation(JsonObjectBuilder document, String pointer) {
        return violation(validator, document.build(), pointer);
    }

    @Test
    void validateWhenMcpSpecExampleThenPublicClientWithLoopbackWarning() {
        ClientIdUrl url = ClientIdUrl.parse("https://app.example.com/oauth/client-metadata.json");
        ClientIdMetadataDocument d = validator.validate(url, MCP_EXAMPLE).orElseThrow();
        assertThat(d.clientId()).isEqualTo(url);
        assertThat(d.clientName()).isEqualTo("Example MCP Client");
        assertThat(d.host()).isEqualTo("app.example.com");
        assertThat(d.redirectUris()).extracting(Object::toString)
                .containsExactly("http://127.0.0.1:3000/callback", "http://localhost:3000/callback");
        assertThat(d.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(d.isConfidential()).isFalse();
        // MCP security considerations: localhost redirect URIs get a visible warning
        assertThat(d.hasLoopbackRedirect()).isTrue();
        assertThat(d.warnings()).containsExactly(CimdWarning.LOOPBACK_REDIRECT_URI);
        assertThat(d.logoUri()).contains(URI.create("https://app.example.com/logo.png"));
        assertThat(d.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE);
        assertThat(d.toJson()).isEqualTo(json(MCP_EXAMPLE));
    }

    @Test
    void validateWhenJsonTextReadAgainThenSameDocument() {
        ClientIdMetadataDocument d = valid(minimal());
        assertThat(validator.validate(CLIENT, d.toJson().toString()).orElseThrow()).isEqualTo(d);
    }

    // CIMD -02 §4: client_id equals the URL fetched, by simple string comparison; A-077
    @ParameterizedTest
    @ValueSource(strings = {"https://cimd.example.test:443/app", "https://CIMD.example.test/app",
        "https://cimd.example.test/app/", "https://cimd.example.test/%61pp", "https://cimd.example.test/App",
        "https://other.example.test/app"})
    void validateWhenClientIdDiffersByNormalisationThenRefused(String documentClientId) {
        Violation v = violation(minimal().add("client_id", documentClientId), "/client_id");
        assertThat(v.message()).contains("must equal the URL the document was fetched from");
        assertThat(v.rule().document()).isEqualTo(Specs.CIMD);
        assertThat(v.rule().section()).isEqualTo("4");
    }

    @Test
    void validateWhenClientIdMissingOrNotStringThenRefused() {
        assertThat(violation(minimal().remove("client_id"), "/client_id").message()).contains("REQUIRED");
        violation(minimal().add("client_id", 7), "/client_id");
    }

    // CIMD -02 §4.1: client_secret and client_secret_expires_at MUST NOT be used
    @ParameterizedTest
    @ValueSource(strings = {"client_secret", "client_secret_expires_at"})
    void validateWhenSecretMembersThenRefused(String member) {
        Violation v = violation(minimal().add(member, member.endsWith("at") ? "0" : "s3cret"), "/" + member);
        assertThat(v.rule().section()).isEqualTo("4.1");
    }

    // CIMD -02 §4.1: token_endpoint_auth_method MUST NOT be a shared-secret method
    @ParameterizedTest
    @ValueSource(strings = {"client_secret_basic", "client_secret_post", "client_secret_jwt"})
    void validateWhenSharedSecretMethodThenRefused(String method) {
        Parsed<ClientIdMetadataDocument> parsed = validator.validate(CLIENT,
                minimal().add("token_endpoint_auth_method", method).build());
        assertThat(parsed.violations().items()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/token_endpoint_auth_method");
            assertThat(v.message()).contains("shared-secret");
        });
    }

    // CIMD -02 §4.1: no private key material; RFC 7517 §6.3.2 / §6.4 private and symmetric members
    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "k"})
    void validateWhenJwksHasPrivateMemberThenRefused(String member) {
        JsonObject key = Json.createObjectBuilder().add("kty", "EC").add("crv", "P-256").add("x", "AAAA")
                .add("y", "BBBB").add(member, "CCCC").build();
        Violation v = violation(minimal().add("token_endpoint_auth_method", "private_key_jwt")
                .add("jwks", Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(key))),
                "/jwks/keys/0");
        assertThat(v.message()).contains("public key");
    }

    @Test
    void validateWhenJwksHasSymmetricKeyThenRefused() {
        JsonObject key = Json.createObjectBuilder().add("kty", "oct").build();
        violation(minimal().add("jwks", Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(key))),
                "/jwks/keys/0");
    }

    // RFC 7591 §2: jwks and jwks_uri never together
    @Test
    void validateWhenJwksAndJwksUriThenRefused() {
        violation(minimal().add("jwks_uri", "https://cimd.example.test/jwks").add("jwks", publicJwks()), "/jwks");
    }

    // MCP client registration: the document contains client_id, client_name and redirect_uris
    @Test
    void validateWhenClientNameMissingOrBlankThenRefused() {
        assertThat(violation(minimal().remove("client_name"), "/client_name").message()).contains("REQUIRED");
        violation(minimal().add("client_name", "  "), "/client_name");
    }

    @Test
    void validateWhenRedirectUrisMissingOrEmptyThenRefused() {
        violation(minimal().remove("redirect_uris"), "/redirect_uris");
        violation(minimal().add("redirect_uris", JsonValue.EMPTY_JSON_ARRAY), "/redirect_uris");
    }

    // RFC 7591 §2 (CIMD -02 §4): redirect_uris is an array of strings, client_name a string; nothing is coerced
    @Test
    void validateWhenMembersHaveTheWrongJsonTypeThenRefused() {
        violation(minimal().add("redirect_uris", "https://cimd.example.test/cb"), "/redirect_uris");
        violation(minimal().add("redirect_uris", Json.createArrayBuilder().add(5)), "/redirect_uris/0");
        violation(minimal().add("redirect_uris", JsonValue.NULL), "/redirect_uris");
        violation(minimal().add("client_name", 5), "/client_name");
        violation(minimal().add("token_endpoint_auth_method", Json.createArrayBuilder().add("none")),
                "/token_endpoint_auth_method");
        violation(minimal().add("client_id", Json.createArrayBuilder().add(URL)), "/client_id");
    }

    // OAuth 2.1 §2.3.1, RFC 9700 §2.6 / §4.1 through RedirectUri: the registration rules apply to documents too
    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "http://app.example.test/cb",
        "https://app.example.test/cb#x", "myapp:/cb", "/cb", "https://*.example.test/cb"})
    void validateWhenRedirectUriUnsafeThenRefused(String uri) {
        Parsed<ClientIdMetadataDocument> parsed = validator.validate(CLIENT,
                minimal().add("redirect_uris", Json.createArrayBuilder().add("https://ok.example.test/cb").add(uri))
                        .build());
        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.violations().has("/redirect_uris/1")).as(parsed.violations().toString()).isTrue();
    }

    @Test
    void validateWhenPrivateUseSchemeWithDotThenAccepted() {
        ClientIdMetadataDocument d = valid(minimal().add("redirect_uris",
                Json.createArrayBuilder().add("com.example.app:/cb")));
        assertThat(d.hasLoopbackRedirect()).isFalse();
        assertThat(d.warnings()).isEmpty();
    }

    // CIMD -02 §8.6: fetch or show only known schemes
    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri"})
    void validateWhenUrlMemberNotHttpsThenRefused(String member) {
        assertThat(violation(minimal().add(member, "http://cimd.example.test/x"), "/" + member).message())
                .contains("https");
    }

    @Test
    void validateWhenUnknownMembersAndUnusedGrantTypesThenAcceptedAndKept() {
        ClientIdMetadataDocument d = valid(minimal().add("x_vendor", Json.createObjectBuilder().add("a", 1))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token")
                        .add("urn:ietf:params:oauth:grant-type:device_code"))
                .add("response_types", Json.createArrayBuilder().add("code").add("token"))
                .add("client_name#ja", "例").add("software_id", "abc"));
        assertThat(d.metadata().extensions()).containsKey("x_vendor");
        assertThat(d.metadata().localized("client_name")).containsEntry("ja", "例");
        assertThat(d.grantTypes()).hasSize(3);
    }

    @Test
    void validateWhenNoMethodNamedThenPublicClient() {
        // RFC 7591 §2 defaults to client_secret_basic, which a CIMD client cannot have
        assertThat(valid(minimal()).authMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    // CIMD -02 §8.2: a document declaring private_key_jwt makes the client confidential
    @Test
    void validateWhenPrivateKeyJwtWithKeysThenConfidential() {
        ClientIdMetadataDocument byValue = valid(minimal().add("token_endpoint_auth_method", "private_key_jwt")
                .add("jwks", publicJwks()));
        assertThat(byValue.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(byValue.isConfidential()).isTrue();
        assertThat(byValue.jwks()).isPresent();
        ClientIdMetadataDocument byReference = valid(minimal().add("token_endpoint_auth_method", "private_key_jwt")
                .add("jwks_uri", "https://cimd.example.test/jwks"));
        assertThat(byReference.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(byReference.jwksUri()).contains(URI.create("https://cimd.example.test/jwks"));
    }

    @Test
    void validateWhenPrivateKeyJwtWithoutKeysThenRefused() {
        Violation v = violation(minimal().add("token_endpoint_auth_method", "private_key_jwt"),
                "/token_endpoint_auth_method");
        assertThat(v.message()).contains("jwks");
        assertThat(v.rule().section()).isEqualTo("8.2");
    }

    // RP Metadata Choices: the shape a widely used client publishes (declared private_key_jwt, both offered)
    @Test
    void validateWhenChoicesOfferBothThenPrivateKeyJwtWhereSupportedElseNone() {
        JsonObjectBuilder doc = minimal().add("token_endpoint_auth_method", "private_key_jwt")
                .add(CimdValidator.AUTH_METHOD_CHOICES, Json.createArrayBuilder().add("none").add("private_key_jwt"))
                .add("jwks_uri", "https://cimd.example.test/jwks");
        JsonObject document = doc.build();
        assertThat(validator.validate(CLIENT, document).orElseThrow().authMethod())
                .isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        CimdValidator publicOnly = CimdValidator.create(Set.of(ClientAuthMethod.NONE));
        assertThat(publicOnly.validate(CLIENT, document).orElseThrow().authMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void validateWhenChoicesOnlyAndNoKeysThenNoneAndSharedSecretChoicesIgnored() {
        ClientIdMetadataDocument d = valid(minimal().add(CimdValidator.AUTH_METHOD_CHOICES,
                Json.createArrayBuilder().add("client_secret_basic").add("private_key_jwt").add("none")));
        assertThat(d.authMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void validateWhenChoicesMalformedThenRefused() {
        violation(minimal().add(CimdValidator.AUTH_METHOD_CHOICES, "none"), "/" + CimdValidator.AUTH_METHOD_CHOICES);
        violation(minimal().add(CimdValidator.AUTH_METHOD_CHOICES, Json.createArrayBuilder().add(1)),
                "/" + CimdValidator.AUTH_METHOD_CHOICES);
    }

    @Test
    void validateWhenOnlyPrivateKeyJwtDeclaredAndServerLacksItThenRefused() {
        CimdValidator publicOnly = CimdValidator.create(Set.of(ClientAuthMethod.NONE));
        Violation v = violation(publicOnly, minimal().add("token_endpoint_auth_method", "private_key_jwt")
                .add("jwks", publicJwks()).build(), "/token_endpoint_auth_method");
        assertThat(v.message()).contains("no authentication method this server supports").contains("none");
    }

    @Test
    void validateWhenUnknownMethodThenRefused() {
        violation(minimal().add("token_endpoint_auth_method", "tls_client_auth"), "/token_endpoint_auth_method");
    }

    @Test
    void validateWhenClientIdHasQueryThenWarning() {
        ClientIdUrl url = ClientIdUrl.parse(URL + "?v=2");
        ClientIdMetadataDocument d = validator.validate(url, minimal().add("client_id", url.value()).build())
                .orElseThrow();
        assertThat(d.warnings()).containsExactly(CimdWarning.CLIENT_ID_HAS_QUERY);
        assertThat(CimdWarning.CLIENT_ID_HAS_QUERY.message()).isNotBlank();
    }

    @Test
    void validateWhenHttpsLocalhostRedirectThenLoopbackWarning() {
        assertThat(valid(minimal().add("redirect_uris", Json.createArrayBuilder().add("https://localhost:8443/cb")))
                .hasLoopbackRedirect()).isTrue();
    }

    @Test
    void validateWhenManyProblemsThenAllReported() {
        Parsed<ClientIdMetadataDocument> parsed = validator.validate(CLIENT, Json.createObjectBuilder()
                .add("client_id", URL + "/").add("client_secret", "x").add("redirect_uris", "not-a-list").build());
        assertThat(parsed.violations().items()).extracting(Violation::pointer)
                .contains("/client_id", "/client_secret", "/redirect_uris");
    }

    @Test
    void createWhenSharedSecretOrNoServerMethodThenIllegalArgument() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CimdValidator.create(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> CimdValidator.create(Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenDocumentThenNoContent() {
        ClientIdMetadataDocument d = valid(minimal().add("client_name", "Secret Name"));
        assertThat(d.toString()).contains(URL).doesNotContain("Secret Name");
    }

    static JsonObject publicJwks() {
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "EC").add("crv", "P-256").add("kid", "k1")
                .add("x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")
                .add("y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"))).build();
    }
}
