package dev.lanyard.as.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    final CsrfTokens tokens = new CsrfTokens();

    @Test
    void verifyWhenSameUserValueAndPurposeBeforeExpiryThenTrue() {
        String t = tokens.issue("withdraw", "u-alice", "pub1", NOW.plusSeconds(600));
        assertThat(tokens.verify(t, "withdraw", "u-alice", "pub1", NOW)).isTrue();
    }

    @Test
    void verifyWhenAnythingDiffersThenFalse() {
        String t = tokens.issue("withdraw", "u-alice", "pub1", NOW.plusSeconds(600));
        assertThat(tokens.verify(t, "withdraw", "u-bob", "pub1", NOW)).isFalse();
        assertThat(tokens.verify(t, "withdraw", "u-alice", "pub2", NOW)).isFalse();
        assertThat(tokens.verify(t, "other", "u-alice", "pub1", NOW)).isFalse();
        assertThat(tokens.verify(t, "withdraw", "u-alice", "pub1", NOW.plusSeconds(600))).isFalse();
        assertThat(new CsrfTokens().verify(t, "withdraw", "u-alice", "pub1", NOW)).isFalse();
        // the expiry is covered by the MAC
        String later = (NOW.getEpochSecond() + 99_999) + t.substring(t.indexOf('.'));
        assertThat(tokens.verify(later, "withdraw", "u-alice", "pub1", NOW)).isFalse();
        // field boundaries are covered: "u-alice" + "pub1" is not "u-alicep" + "ub1"
        assertThat(tokens.verify(t, "withdraw", "u-alicep", "ub1", NOW)).isFalse();
    }

    @Test
    void verifyWhenMalformedThenFalseWithoutThrowing() {
        for (String bad : new String[] {"", ".", "x.y", "12345678901234567890123.x", "-1.x", "1.", "abc"}) {
            assertThat(tokens.verify(bad, "withdraw", "u-alice", "pub1", NOW)).as(bad).isFalse();
        }
    }
}
