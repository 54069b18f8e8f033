package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;

class CodeChallengeTest {

    // RFC 7636 Appendix B
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256WhenAppendixBVerifierThenAppendixBChallenge() {
        // RFC 7636 §4.2: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))
        assertThat(CodeChallenge.s256(new CodeVerifier(VERIFIER)).value()).isEqualTo(CHALLENGE);
    }

    @Test
    void specExampleOauth21VerifierMatchesItsChallenge() {
        // draft-ietf-oauth-v2-1 §4.1.3 token request example (code_verifier) and §4.1.1 request (code_challenge)
        CodeVerifier verifier = CodeVerifier.parse("3641a2d12d66101249cdf7a79c000c1f8c05d2aafcf14bf146497bed");
        CodeChallenge challenge = CodeChallenge.parse("6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY");
        assertThat(CodeChallenge.s256(verifier)).isEqualTo(challenge);
        assertThat(challenge.matches(verifier)).isTrue();
    }

    @Test
    void matchesWhenRightVerifierThenTrueElseFalse() {
        // RFC 7636 §4.6
        CodeChallenge c = CodeChallenge.parse(CHALLENGE);
        assertThat(c.matches(CodeVerifier.parse(VERIFIER))).isTrue();
        // a well-formed but wrong verifier
        assertThat(c.matches(CodeVerifier.parse("eBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))).isFalse();
        // the challenge itself presented as the verifier (S256 confusion)
        assertThat(c.matches(CodeVerifier.parse(CHALLENGE))).isFalse();
    }

    @Test
    void parseWhen42CharactersThenInvalidRequest() {
        // RFC 7636 §4.2, PK-01
        assertOAuthError(() -> CodeChallenge.parse(CHALLENGE.substring(1)), OAuthError.INVALID_REQUEST,
                "code_challenge");
    }

    @Test
    void parseWhen129CharactersThenInvalidRequest() {
        // RFC 7636 §4.2, PK-01
        assertOAuthError(() -> CodeChallenge.parse("a".repeat(129)), OAuthError.INVALID_REQUEST, "code_challenge");
    }

    @Test
    void parseWhenPlusSlashEqualsOrSpaceThenInvalidRequest() {
        // RFC 7636 §4.2, PK-01 (A-010: +, /, = and %20, which arrives decoded as a space)
        for (String bad : new String[] {"+", "/", "=", " ", "%20"}) {
            String input = CHALLENGE.substring(0, 42) + bad;
            assertOAuthError(() -> CodeChallenge.parse(input), OAuthError.INVALID_REQUEST, "code_challenge", input);
        }
    }

    @Test
    void constructorWhenMalformedThenIllegalArgument() {
        assertThatThrownBy(() -> new CodeChallenge("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
