package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;

class CodeVerifierTest {

    @Test
    void specExampleRfc7636AppendixB() {
        // RFC 7636 Appendix B: the 32 octets, the code_verifier they encode to, and its S256 code_challenge
        String octets = """
                [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173,
                187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
                132, 141, 121]
                """;
        byte[] bytes = new byte[32];
        Matcher m = Pattern.compile("\\d+").matcher(octets);
        for (int i = 0; m.find(); i++) {
            bytes[i] = (byte) Integer.parseInt(m.group());
        }
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).isEqualTo(verifier);
        CodeVerifier parsed = CodeVerifier.parse(verifier);
        assertThat(parsed.value()).isEqualTo(verifier);
        assertThat(parsed.challenge()).isEqualTo(new CodeChallenge(challenge));
        assertThat(CodeChallenge.parse(challenge).matches(parsed)).isTrue();
    }

    @Test
    void parseWhen43Or128UnreservedCharactersThenAccepted() {
        // RFC 7636 §4.1: code-verifier = 43*128unreserved; unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
        String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        assertThat(CodeVerifier.parse(all.substring(0, 43)).value()).hasSize(43);
        assertThat(CodeVerifier.parse((all + all).substring(0, 128)).value()).hasSize(128);
        assertThat(CodeVerifier.parse(all).value()).isEqualTo(all);
    }

    @Test
    void parseWhen42CharactersThenInvalidRequest() {
        // RFC 7636 §4.1: at least 43 characters
        assertOAuthError(() -> CodeVerifier.parse("a".repeat(42)), OAuthError.INVALID_REQUEST, "code_verifier");
    }

    @Test
    void parseWhen129CharactersThenInvalidRequest() {
        // RFC 7636 §4.1: at most 128 characters
        assertOAuthError(() -> CodeVerifier.parse("a".repeat(129)), OAuthError.INVALID_REQUEST, "code_verifier");
    }

    @Test
    void parseWhenCharacterOutsideUnreservedThenInvalidRequestWithoutEchoingIt() {
        // RFC 7636 §4.1, PK-01: only unreserved characters (A-023: space, +, /)
        for (String bad : new String[] {" ", "+", "/", "=", "%20", "é", "\u0000", "*"}) {
            String input = "a".repeat(42) + bad;
            assertOAuthError(() -> CodeVerifier.parse(input), OAuthError.INVALID_REQUEST, "code_verifier", input);
        }
    }

    @Test
    void constructorWhenMalformedThenIllegalArgument() {
        assertThatThrownBy(() -> new CodeVerifier("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeVerifier(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void randomWhenCalledThen43UnreservedCharactersAndFresh() {
        // RFC 7636 §4.1: 32 random octets, base64url-encoded: 43 characters; G-02: 256 bits of entropy
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            CodeVerifier v = CodeVerifier.random();
            assertThat(v.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(CodeVerifier.parse(v.value())).isEqualTo(v);
            seen.add(v.value());
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void toStringWhenCalledThenValueHidden() {
        // G-09: never log verifiers
        CodeVerifier v = CodeVerifier.parse("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(v.toString()).doesNotContain(v.value()).contains("****");
    }
}
