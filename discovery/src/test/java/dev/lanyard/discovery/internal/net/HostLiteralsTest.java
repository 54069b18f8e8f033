package dev.lanyard.discovery.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostLiteralsTest {

    // lookalike numeric forms of 127.0.0.1
    @ParameterizedTest
    @ValueSource(strings = {"127.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "017700000001", "010.0.0.1", "1.2.3.4.5",
        "256.0.0.1", "1.2.3.",
        "0X7F000001", "0X7f.0.0.1", "127.0.0.0X1"})
    void isAmbiguousNumericWhenNotDottedQuadThenTrue(String host) {
        assertThat(HostLiterals.isAmbiguousNumeric(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "8.8.8.8", "255.255.255.255", "as.example.test", "1.example", "x1.2.3.4"})
    void isAmbiguousNumericWhenDottedQuadOrNameThenFalse(String host) {
        assertThat(HostLiterals.isAmbiguousNumeric(host)).isFalse();
    }

    @Test
    void parseWhenLiteralThenAddressElseEmpty() throws Exception {
        assertThat(HostLiterals.parse("10.0.0.1")).contains(InetAddress.getByName("10.0.0.1"));
        assertThat(HostLiterals.parse("[fe80::1]")).contains(InetAddress.getByName("fe80::1"));
        assertThat(HostLiterals.parse("as.example.test")).isEmpty();
        assertThat(HostLiterals.unbracket("[::1]")).isEqualTo("::1");
    }
}
