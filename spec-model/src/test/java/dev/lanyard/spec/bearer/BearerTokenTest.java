package dev.lanyard.spec.bearer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class BearerTokenTest {

    @Test
    void specExampleRfc6750AuthorizationHeader() {
        // RFC 6750 §2.1
        String example = """
                GET /resource HTTP/1.1
                Host: server.example.com
                Authorization: Bearer mF_9.B5f-4.1JqM
                """;
        String value = example.lines().filter(l -> l.startsWith("Authorization:")).findFirst().orElseThrow()
                .substring("Authorization:".length()).strip();

        assertThat(BearerToken.fromAuthorizationHeader(value)).contains("mF_9.B5f-4.1JqM");
        assertThat(BearerToken.toAuthorizationHeader("mF_9.B5f-4.1JqM")).isEqualTo(value);
    }

    @Test
    void fromAuthorizationHeaderWhenSchemeInAnyCaseThenToken() {
        // A-052, RS-01: the scheme name is case-insensitive
        for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
            assertThat(BearerToken.fromAuthorizationHeader(scheme + " abc.def-ghi_jkl~mno+pqr/stu==")).as(scheme)
                    .contains("abc.def-ghi_jkl~mno+pqr/stu==");
        }
    }

    @Test
    void fromAuthorizationHeaderWhenSeveralSpacesOrSurroundingWhitespaceThenToken() {
        // RS-01: at least one SP separates scheme and token; RFC 9110 §5.5: OWS around a field value is not part of it
        assertThat(BearerToken.fromAuthorizationHeader("Bearer    abc")).contains("abc");
        assertThat(BearerToken.fromAuthorizationHeader(" \tBearer abc \t")).contains("abc");
    }

    @Test
    void fromAuthorizationHeaderWhenMalformedBearerThenInvalidTokenNamingTheHeader() {
        // A-048, RS-01: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        for (String bad : List.of("Bearer", "Bearer ", "bearer\tabc", "Bearer a b", "Bearer tok\"en", "Bearer tok,en",
                "Bearer =abc", "Bearer ab=c", "Bearer,abc", "Bearer abc;", "Bearer é", "Bearer realm=\"x\"")) {
            assertThatThrownBy(() -> BearerToken.fromAuthorizationHeader(bad)).as(bad)
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue();
                        assertThat(e.error().httpStatus()).isEqualTo(401);
                        assertThat(e.error().description()).get().asString().contains("Authorization header");
                        assertThat(e.rule()).isPresent();
                    });
        }
    }

    @Test
    void fromAuthorizationHeaderWhenTokenCarriesCrLfThenInvalidTokenNotEchoed() {
        // header injection through the token; the token is never reflected in error_description
        String injected = "Bearer abc\r\nSet-Cookie: x=1";
        assertThatThrownBy(() -> BearerToken.fromAuthorizationHeader(injected))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue();
                    assertThat(e.error().description().orElseThrow()).doesNotContain("abc", "Set-Cookie");
                    assertThat(e.getMessage()).doesNotContain("Set-Cookie");
                });
    }

    @Test
    void fromAuthorizationHeaderWhenOtherSchemeOrNoHeaderThenEmpty() {
        // Basic gives no Bearer credentials, hence 401 without an error attribute (RFC 6750 §3.1)
        for (String other : List.of("Basic dXNlcjpwYXNz", "DPoP abc", "Bearerx abc", "Negotiate", "", "  ", "\"x\"")) {
            assertThat(BearerToken.fromAuthorizationHeader(other)).as(other).isEmpty();
        }
        assertThat(BearerToken.fromAuthorizationHeader(null)).isEmpty();
    }

    @Test
    void fromAuthorizationHeaderWhenTokenOverTheCapThenInvalidToken() {
        // a 1 MB token is refused quickly with invalid_token
        String huge = "Bearer " + "a".repeat(1024 * 1024);
        assertThatThrownBy(() -> BearerToken.fromAuthorizationHeader(huge))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue());
        String atCap = "a".repeat(BearerToken.MAX_LENGTH);
        assertThat(BearerToken.fromAuthorizationHeader("Bearer " + atCap)).contains(atCap);
        assertThatThrownBy(() -> BearerToken.fromAuthorizationHeader("Bearer " + atCap + "a"))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void toAuthorizationHeaderWhenNotToken68ThenIllegalArgument() {
        for (String bad : List.of("", "a b", "a\r\nb", "=a", "a=b", "a".repeat(BearerToken.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> BearerToken.toAuthorizationHeader(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
