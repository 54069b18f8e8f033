package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.assertRejected;
import static dev.lanyard.spec.token.SpecExamples.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.error.OAuthError;

class AuthorizationCodeGrantTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 Appendix B

    private static FormParameters code(String extra) {
        return FormParameters.parse("grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA" + extra);
    }

    @Test
    void specExampleRfc6749Section413() {
        FormParameters form = form(TokenExamples.RFC6749_4_1_3_CODE_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new AuthorizationCodeGrant("SplxlOBeZQQYbYS6WxSbIA",
                Optional.of("https://client.example.com/cb"), Optional.empty(), Optional.empty(), List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleRfc8707Section22CodeRequest() {
        FormParameters form = form(TokenExamples.RFC8707_2_2_CODE_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new AuthorizationCodeGrant("10esc29BWC2qZB0acc9v8zAv9ltc2pko105tQauZ",
                Optional.of("https://client.example.org/cb"), Optional.empty(), Optional.empty(),
                List.of(new ResourceIndicator("https://cal.example.com/"))));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenRfc7636AppendixBVerifierAddedThenRead() {
        // RFC 7636 §4.5 adds code_verifier to the RFC 6749 §4.1.3 request; the verifier is RFC 7636 Appendix B's
        FormParameters form = code("&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb&code_verifier=" + VERIFIER);
        AuthorizationCodeGrant parsed = (AuthorizationCodeGrant) TokenRequest.parse(form);
        assertThat(parsed.codeVerifier()).contains(VERIFIER);
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenCodeMissingThenInvalidRequest() {
        // RFC 6749 §4.1.3, OAuth 2.1 §4.1.3: code REQUIRED
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=authorization_code&code_verifier=" + VERIFIER)), "code");
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse("grant_type=authorization_code&code=")),
                "code");
    }

    @Test
    void parseWhenCodeRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1: parameters MUST NOT be included more than once
        assertInvalidRequest(() -> TokenRequest.parse(code("&code=other")), "code");
    }

    @Test
    void parseWhenRedirectUriOrVerifierRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1; A-003 at the token endpoint
        assertInvalidRequest(() -> TokenRequest.parse(code(
                "&redirect_uri=https%3A%2F%2Fa%2Fcb&redirect_uri=https%3A%2F%2Fevil%2Fcb")), "redirect_uri");
        assertInvalidRequest(() -> TokenRequest.parse(code(
                "&code_verifier=" + VERIFIER + "&code_verifier=" + VERIFIER)), "code_verifier");
    }

    @Test
    void parseWhenCodeOversizeThenInvalidRequest() {
        // A-091, INP-03: code at most 512 characters; refused, never truncated
        String big = "a".repeat(TokenRequest.MAX_CODE_LENGTH + 1);
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("authorization_code"), "code", List.of(big)))), "code");
        String max = "a".repeat(TokenRequest.MAX_CODE_LENGTH);
        assertThat(TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("authorization_code"), "code", List.of(max))))).isNotNull();
    }

    @Test
    void parseWhenCodeHasControlCharactersThenInvalidRequest() {
        // RFC 6749 Appendix A.11: code = 1*VSCHAR
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=authorization_code&code=ab%0Acd")), "code");
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=authorization_code&code=%C3%A9t%C3%A9")), "code");
    }

    @Test
    void parseWhenCodeVerifierMalformedThenInvalidRequest() {
        // A-023, RFC 7636 §4.1: code-verifier = 43*128unreserved
        for (String bad : List.of("a".repeat(42), "a".repeat(129), "a".repeat(42) + "%20", "a".repeat(42) + "%2B",
                "a".repeat(42) + "%2F", "a".repeat(42) + "+", "a".repeat(42) + "%3D")) {
            assertInvalidRequest(() -> TokenRequest.parse(code("&code_verifier=" + bad)), "code_verifier");
        }
    }

    @Test
    void parseWhenCodeVerifierOversizeThenInvalidRequest() {
        // a huge code_verifier is refused by its syntax, quickly
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("authorization_code"), "code", List.of("c"),
                "code_verifier", List.of("a".repeat(60_000))))), "code_verifier");
    }

    @Test
    void parseWhenResourceRelativeOrWithFragmentThenInvalidTarget() {
        // A-088, RFC 8707 §2: an absolute URI without a fragment
        for (String bad : List.of("%2Frelative", "https%3A%2F%2Frs.example.test%2Fapi%23frag")) {
            assertRejected(() -> TokenRequest.parse(code("&resource=" + bad)), OAuthError.INVALID_TARGET, "resource");
        }
    }

    @Test
    void parseWhenSameResourceTwiceThenOnce() {
        // RFC 8707 §2: resource repeats to name several resources; one named twice is one audience
        AuthorizationCodeGrant g = (AuthorizationCodeGrant) TokenRequest.parse(code(
                "&resource=https%3A%2F%2Frs.example.test%2Fapi&resource=https%3A%2F%2Frs2.example.test%2Fapi"
                + "&resource=https%3A%2F%2Frs.example.test%2Fapi"));
        assertThat(g.resources()).containsExactly(new ResourceIndicator("https://rs.example.test/api"),
                new ResourceIndicator("https://rs2.example.test/api"));
    }

    @Test
    void parseWhenClientIdNotVscharThenInvalidRequest() {
        // RFC 6749 Appendix A.1: client-id = *VSCHAR
        assertInvalidRequest(() -> TokenRequest.parse(code("&client_id=a%00b")), "client_id");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        AuthorizationCodeGrant g = new AuthorizationCodeGrant("code-1", Optional.of("http://127.0.0.1:51004/cb"),
                Optional.of(VERIFIER), Optional.of("https://client.example.test/app"),
                List.of(new ResourceIndicator("https://rs.example.test/api"),
                        new ResourceIndicator("https://rs2.example.test/")));
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
        assertThat(TokenRequest.parse(FormParameters.parse(g.toForm().toUrlEncoded()))).isEqualTo(g);
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> new AuthorizationCodeGrant("", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationCodeGrant("c", Optional.empty(), Optional.of("short"),
                Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationCodeGrant("c", Optional.empty(), Optional.empty(), Optional.of(""),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesCodeAndVerifier() {
        String s = new AuthorizationCodeGrant("secret-code", Optional.empty(), Optional.of(VERIFIER), Optional.empty(),
                List.of()).toString();
        assertThat(s).doesNotContain("secret-code").doesNotContain(VERIFIER);
    }
}
