package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VscharTest {

    @Test
    void onlyWhenVisibleAsciiThenTrueElseFalse() {
        // RFC 6749 Appendix A: VSCHAR = %x20-7E
        assertThat(Vschar.only("")).isTrue();
        assertThat(Vschar.only(" azAZ09~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")).isTrue();
        for (String bad : new String[] {"a\u0000b", "tab\t", "line\n", "del\u007f", "é", "\u00a0", "\ud83d\ude00"}) {
            assertThat(Vschar.only(bad)).as(bad).isFalse();
        }
    }
}
