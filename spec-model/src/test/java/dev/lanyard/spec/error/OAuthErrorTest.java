package dev.lanyard.spec.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.StrictJson;
import dev.lanyard.spec.testing.Mutations;

class OAuthErrorTest {

    @Test
    void specExampleRfc6749Section52ThenParsesAndSerializesEqual() {
        // RFC 6749 §5.2
        String body = """
                {
                  "error":"invalid_request"
                }
                """;
        var json = StrictJson.parseObject(body).orElseThrow();
        OAuthError e = OAuthError.parse(json, 400).orElseThrow();
        assertThat(e.is(OAuthError.INVALID_REQUEST)).isTrue();
        assertThat(e.toJson()).isEqualTo(json);
    }

    @Test
    void registeredCodesMapToTheirStatus() {
        assertThat(OAuthError.INVALID_CLIENT.httpStatus()).isEqualTo(401);
        assertThat(OAuthError.INVALID_TOKEN.httpStatus()).isEqualTo(401);
        assertThat(OAuthError.INSUFFICIENT_SCOPE.httpStatus()).isEqualTo(403);
        assertThat(OAuthError.INVALID_TARGET.httpStatus()).isEqualTo(400);
        assertThat(OAuthError.forCode("invalid_grant")).isSameAs(OAuthError.INVALID_GRANT);
        assertThat(OAuthError.forCode("invalid_dpop_proof")).isSameAs(OAuthError.INVALID_DPOP_PROOF);
        assertThat(OAuthError.INVALID_DPOP_PROOF.httpStatus()).isEqualTo(400);
    }

    @Test
    void constructorWhenTextOutsideRfc6749CharsetThenRejected() {
        // RFC 6749 §5.2: error and error_description use %x20-21 / %x23-5B / %x5D-7E only
        for (String bad : List.of("a\"b", "a\\b", "line\r\nSet-Cookie: x", "caf\u00e9")) {
            assertThatThrownBy(() -> OAuthError.INVALID_REQUEST.withDescription(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(OAuthError.sanitize("bad \"value\"\r\n\u00e9")).isEqualTo("bad ?value????");
        assertThat(OAuthError.isErrorText(OAuthError.sanitize("x".repeat(500) + "\u0000"))).isTrue();
    }

    @Test
    void parseWhenErrorMissingOrWrongTypeThenViolations() {
        var v = OAuthError.parse(StrictJson.parseObject("{\"error_description\":1,\"error_uri\":\"a b\"}").orElseThrow(), 400)
                .violations();
        assertThat(v.has("/error")).isTrue();
        assertThat(v.has("/error_description")).isTrue();
        assertThat(v.has("/error_uri")).isTrue();
        assertThat(v.toString()).contains("RFC 6749 §5.2");
    }

    @Test
    void toParametersKeepsOrderAndOmitsAbsent() {
        OAuthError e = OAuthError.ACCESS_DENIED.withDescription("The user refused")
                .withUri(URI.create("https://as.example.com/errors/denied"));
        assertThat(e.toParameters()).containsExactly(
                java.util.Map.entry("error", "access_denied"),
                java.util.Map.entry("error_description", "The user refused"),
                java.util.Map.entry("error_uri", "https://as.example.com/errors/denied"));
        assertThat(OAuthError.INVALID_GRANT.toParameters()).containsOnlyKeys("error");
    }

    @Test
    void exceptionCarriesErrorRuleAndHiddenDetail() {
        OAuthException ex = new OAuthException(OAuthError.INVALID_GRANT.withDescription("Code expired"),
                dev.lanyard.spec.ref.SpecRef.rfc(6749, "5.2"), "code hash abc");
        assertThat(ex.getMessage()).isEqualTo("invalid_grant: Code expired (RFC 6749 §5.2)");
        assertThat(ex.detail()).contains("code hash abc");
        assertThat(ex.error().toJson().toString()).doesNotContain("abc");
    }

    @Test
    void parseWhenTenThousandMutatedBodiesThenNeverThrows() {
        Mutations.assertOnlyDocumentedFailures(Mutations.of(5, 10_000,
                List.of("{\"error\":\"invalid_request\",\"error_description\":\"x\",\"error_uri\":\"https://e/x\"}")),
                s -> StrictJson.parseObject(s).flatMap(o -> OAuthError.parse(o, 400)));
    }
}
