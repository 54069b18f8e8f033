package dev.lanyard.spec.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerifierSyntaxTest {

    @Test
    void isValidForTheRfc7636AppendixBVerifier() {
        // RFC 7636 Appendix B
        assertThat(VerifierSyntax.isValid("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isTrue();
    }

    @Test
    void isValidAtTheLengthBoundsAndForEveryUnreservedCharacter() {
        // RFC 7636 §4.1: 43*128unreserved, unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
        assertThat(VerifierSyntax.isValid("a".repeat(43))).isTrue();
        assertThat(VerifierSyntax.isValid("Z".repeat(128))).isTrue();
        assertThat(VerifierSyntax.isValid("-._~09azAZ".repeat(5))).isTrue();
    }

    @Test
    void isInvalidOutsideTheRule() {
        //
        for (String bad : List.of("a".repeat(42), "a".repeat(129), "", "a".repeat(42) + " ", "a".repeat(42) + "+",
                "a".repeat(42) + "/", "a".repeat(42) + "=", "a".repeat(42) + "%", "a".repeat(42) + "é",
                "a".repeat(42) + "\u0000")) {
            assertThat(VerifierSyntax.isValid(bad)).as(bad).isFalse();
        }
    }
}
