package dev.lanyard.spec.bearer;

import static dev.lanyard.spec.bearer.ChallengeTest.fieldValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class BearerChallengeTest {

    private static final URI PRM = URI.create("https://mcp.example.com/.well-known/oauth-protected-resource");

    @Test
    void specExampleRfc6750NoAuthentication() {
        // RFC 6750 §3
        String example = """
                HTTP/1.1 401 Unauthorized
                WWW-Authenticate: Bearer realm="example"
                """;
        BearerChallenge c = BearerChallenge.parse(fieldValue(example)).orElseThrow();

        assertThat(c).isEqualTo(BearerChallenge.builder().realm("example").build());
        assertThat(c.toHeaderValue()).isEqualTo(fieldValue(example));
    }

    @Test
    void specExampleRfc6750ExpiredToken() {
        // RFC 6750 §3
        String example = """
                HTTP/1.1 401 Unauthorized
                WWW-Authenticate: Bearer realm="example",
                                  error="invalid_token",
                                  error_description="The access token expired"
                """;
        BearerChallenge c = BearerChallenge.parse(fieldValue(example)).orElseThrow();

        assertThat(c.realm()).contains("example");
        assertThat(c.error()).contains("invalid_token");
        assertThat(c.errorDescription()).contains("The access token expired");
        assertThat(c.oauthError()).get().satisfies(e -> {
            assertThat(e.is(OAuthError.INVALID_TOKEN)).isTrue();
            assertThat(e.httpStatus()).isEqualTo(401);
        });
        assertThat(c.toHeaderValue()).isEqualTo(fieldValue(example));
    }

    @Test
    void specExampleRfc6750ScopeValues() {
        // RFC 6750 §3: two example scope values, the second with "=", "&" and "," inside the quoted-string
        assertThat(BearerChallenge.parse("Bearer " + "scope=\"openid profile email\"").orElseThrow().scope())
                .contains(Scope.of("openid", "profile", "email"));
        BearerChallenge c = BearerChallenge.parse(
                "Bearer " + "scope=\"urn:example:channel=HBO&urn:example:rating=G,PG-13\"").orElseThrow();
        assertThat(c.scope()).contains(Scope.of("urn:example:channel=HBO&urn:example:rating=G,PG-13"));
        assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
    }

    @Test
    void specExampleRfc9728ResourceMetadata() {
        // RFC 9728 §5.1 (the RFC folds the line after "=": BWS)
        String example = """
                HTTP/1.1 401 Unauthorized
                WWW-Authenticate: Bearer resource_metadata=
                  "https://resource.example.com/.well-known/oauth-protected-resource"
                """;
        BearerChallenge c = BearerChallenge.parse(fieldValue(example)).orElseThrow();

        assertThat(c.resourceMetadata())
                .contains(URI.create("https://resource.example.com/.well-known/oauth-protected-resource"));
        assertThat(c.toHeaderValue()).isEqualTo(
                "Bearer resource_metadata=\"https://resource.example.com/.well-known/oauth-protected-resource\"");
    }

    @Test
    void specExampleMcpScopeGuidance() {
        // MCP 2026-07-28 basic/authorization, Scope Selection Strategy
        String example = """
                HTTP/1.1 401 Unauthorized
                WWW-Authenticate: Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource",
                                         scope="files:read"
                """;
        BearerChallenge c = BearerChallenge.parse(fieldValue(example)).orElseThrow();

        assertThat(c).isEqualTo(BearerChallenge.builder().resourceMetadata(PRM).scope(Scope.of("files:read")).build());
        assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
    }

    @Test
    void specExampleMcpInsufficientScope() {
        // MCP 2026-07-28 basic/authorization, Runtime Insufficient Scope Errors
        String example = """
                HTTP/1.1 403 Forbidden
                WWW-Authenticate: Bearer error="insufficient_scope",
                                         scope="files:write",
                                         resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource",
                                         error_description="File write permission required for this operation"
                """;
        BearerChallenge c = BearerChallenge.parse(fieldValue(example)).orElseThrow();

        assertThat(c).isEqualTo(BearerChallenge.builder()
                .error(OAuthError.INSUFFICIENT_SCOPE
                        .withDescription("File write permission required for this operation"))
                .scope(Scope.of("files:write")).resourceMetadata(PRM).build());
        assertThat(c.oauthError().orElseThrow().httpStatus()).isEqualTo(403);
        assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
    }

    @Test
    void parseWhenBearerAmongOtherSchemesThenFound() {
        // RFC 9728 §5.4: other schemes may be offered too; RFC 9728 §5.1: resource_metadata with DPoP
        String value = "Basic realm=\"x\", DPoP algs=\"ES256\", resource_metadata=\"https://rs/.well-known/x\", "
                + "bearer realm=\"y\", error=\"invalid_token\"";
        assertThat(BearerChallenge.parse(value)).contains(
                BearerChallenge.builder().realm("y").error("invalid_token").build());
        assertThat(BearerChallenge.parseAll(value).get(1).param("resource_metadata"))
                .contains("https://rs/.well-known/x");
        assertThat(BearerChallenge.parse("Basic realm=\"x\"")).isEmpty();
    }

    @Test
    void parseWhenBareBearerThenEmptyChallenge() {
        // RFC 6750 §3 asks servers for an auth-param; a client still reads a bare "Bearer"
        assertThat(BearerChallenge.parse("Bearer")).contains(BearerChallenge.builder().build());
    }

    @Test
    void parseWhenOtherParamsThenKeptInOrder() {
        // RFC 9728 §5.1: resource_metadata MAY be combined with other parameters such as max_age (RFC 9470)
        BearerChallenge c = BearerChallenge.parse("Bearer error=\"insufficient_user_authentication\", "
                + "Max_Age=5, acr_values=\"urn:a urn:b\"").orElseThrow();
        assertThat(c.otherParams()).containsExactly(Map.entry("max_age", "5"), Map.entry("acr_values", "urn:a urn:b"));
        assertThat(c.toHeaderValue()).isEqualTo("Bearer error=\"insufficient_user_authentication\", max_age=\"5\", "
                + "acr_values=\"urn:a urn:b\"");
    }

    @Test
    void parseWhenErrorOutsideCharsetThenInvalidRequestNamingIt() {
        // RFC 6750 §3: error and error_description MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E
        assertInvalid("Bearer error=\"bad\\\"quote\"", "error");
        assertInvalid("Bearer error=\"\"", "error");
        assertInvalid("Bearer error_description=\"caf\u00e9\"", "error_description");
        assertInvalid("Bearer error_description=\"tab\there\"", "error_description");
    }

    @Test
    void parseWhenScopeOrUrisOutsideCharsetThenInvalidRequestNamingIt() {
        // RFC 6750 §3: scope uses %x21 / %x23-5B / %x5D-7E and SP; error_uri is a URI-reference in that set
        assertInvalid("Bearer scope=\"a\\\\b\"", "scope");
        assertInvalid("Bearer scope=\"a\tb\"", "scope");
        assertInvalid("Bearer error_uri=\"https://a/b c\"", "error_uri");
        assertInvalid("Bearer error_uri=\"https://a/{x}\"", "error_uri");
        // RFC 9728 §5.1: resource_metadata is a URL
        assertInvalid("Bearer resource_metadata=\"/relative\"", "resource_metadata");
        assertInvalid("Bearer resource_metadata=\"\"", "resource_metadata");
    }

    @Test
    void parseWhenToken68AfterBearerThenInvalidRequest() {
        // RFC 6750 §3: the Bearer scheme MUST be followed by auth-params
        assertInvalid("Bearer abcdef==", "token68");
    }

    @Test
    void parseWhenBearerParamRepeatedThenInvalidRequest() {
        // RFC 6750 §3 / RS-07: realm, scope, error, error_description, error_uri MUST NOT appear more than once
        for (String name : List.of("realm", "scope", "error", "error_description", "error_uri")) {
            assertInvalid("Bearer " + name + "=\"a\", " + name + "=\"b\"", name + " is repeated");
        }
    }

    @Test
    void parseWhenEmptyScopeThenAbsent() {
        assertThat(BearerChallenge.parse("Bearer scope=\"\", realm=x").orElseThrow().scope()).isEmpty();
        assertThat(BearerChallenge.parse("Bearer scope=\" a  b \"").orElseThrow().scope()).contains(Scope.of("a", "b"));
    }

    @Test
    void toHeaderValueWhenRealmHasQuoteAndBackslashThenEscaped() {
        // no unescaped quote can end the quoted-string early
        BearerChallenge c = BearerChallenge.builder().realm("a\"b\\c").param("x", "\"\\").build();
        assertThat(c.toHeaderValue()).isEqualTo("Bearer realm=\"a\\\"b\\\\c\", x=\"\\\"\\\\\"");
        assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
    }

    @Test
    void buildWhenValueCarriesCrLfOrLeavesTheCharsetThenIllegalArgument() {
        // header injection through any value is impossible; RFC 6750 §3 charsets
        List<Runnable> bad = List.of(
                () -> BearerChallenge.builder().realm("x\r\nSet-Cookie: a=1").build(),
                () -> BearerChallenge.builder().errorDescription("x\r\nSet-Cookie: a=1").build(),
                () -> BearerChallenge.builder().errorDescription("say \"hi\"").build(),
                () -> BearerChallenge.builder().errorDescription("caf\u00e9").build(),
                () -> BearerChallenge.builder().error("").build(),
                () -> BearerChallenge.builder().error("a\\b").build(),
                () -> BearerChallenge.builder().errorUri(URI.create("https://a/\u00e9")).build(),
                () -> BearerChallenge.builder().param("x", "a\rb").build(),
                () -> BearerChallenge.builder().param("bad name", "v").build(),
                () -> BearerChallenge.builder().param("Realm", "v").build(),
                () -> BearerChallenge.builder().param("a", "1").param("A", "2").build(),
                () -> BearerChallenge.builder().resourceMetadata(URI.create("/relative")).build(),
                () -> BearerChallenge.builder().realm("\u0100").build());
        for (Runnable r : bad) {
            assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void toHeaderValueWhenNoParameterThenIllegalState() {
        // RFC 6750 §3, RS-06: the Bearer scheme MUST be followed by one or more auth-params
        assertThatThrownBy(() -> BearerChallenge.builder().build().toHeaderValue())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toHeaderValueWhenEveryParameterThenFixedOrderAndParsedBackEqual() {
        BearerChallenge c = BearerChallenge.builder().param("max_age", "0").resourceMetadata(PRM)
                .scope(Scope.of("a", "b")).errorUri(URI.create("https://as.example/errors#token"))
                .error(OAuthError.INVALID_TOKEN).errorDescription("Token expired").realm("mcp").build();
        assertThat(c.toHeaderValue()).isEqualTo("Bearer realm=\"mcp\", error=\"invalid_token\", "
                + "error_description=\"Token expired\", error_uri=\"https://as.example/errors#token\", "
                + "scope=\"a b\", resource_metadata=\"" + PRM + "\", max_age=\"0\"");
        assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
    }

    @Test
    void fromWhenNotBearerThenIllegalArgument() {
        assertThatThrownBy(() -> BearerChallenge.from(new Challenge("Basic", Optional.empty(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(String headerValue, String descriptionPart) {
        assertThatThrownBy(() -> BearerChallenge.parse(headerValue)).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue();
            assertThat(e.error().description()).get().asString().contains(descriptionPart);
            assertThat(e.rule()).isPresent();
        });
    }
}
