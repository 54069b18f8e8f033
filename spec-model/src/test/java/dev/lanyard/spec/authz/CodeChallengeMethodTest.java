package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;

class CodeChallengeMethodTest {

    @Test
    void parseWhenS256ThenS256() {
        assertThat(CodeChallengeMethod.parse("S256")).isSameAs(CodeChallengeMethod.S256);
        assertThat(CodeChallengeMethod.S256.isSupported()).isTrue();
        assertThat(CodeChallengeMethod.S256).hasToString("S256");
    }

    @Test
    void parseWhenPlainThenInvalidRequest() {
        // OAuth 2.1 -16 §7.5.2: plain is not allowed; §4.1.2.1, AZ-13: unsupported transform -> invalid_request
        assertOAuthError(() -> CodeChallengeMethod.parse("plain"), OAuthError.INVALID_REQUEST,
                "code_challenge_method");
        assertThat(CodeChallengeMethod.PLAIN.isSupported()).isFalse();
    }

    @Test
    void parseWhenUnknownOrMiscasedThenInvalidRequest() {
        // A-014, AZ-13, RFC 7636 §4.4.1: S512 and s256 are not supported transforms
        for (String bad : new String[] {"S512", "s256", "S256 ", "SHA256", "S256\u0000"}) {
            assertOAuthError(() -> CodeChallengeMethod.parse(bad), OAuthError.INVALID_REQUEST,
                    "code_challenge_method");
        }
    }

    @Test
    void constructorWhenUnknownValueThenKeptAsOpenRegistryButUnsupported() {
        // RFC 7636 §6.2: an open registry; metadata of other servers may name other methods
        CodeChallengeMethod other = new CodeChallengeMethod("S512");
        assertThat(other.isSupported()).isFalse();
        assertThat(new CodeChallengeMethod("S256")).isEqualTo(CodeChallengeMethod.S256);
        assertThatThrownBy(() -> new CodeChallengeMethod("")).isInstanceOf(IllegalArgumentException.class);
    }
}
