package dev.lanyard.discovery.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CheckingDnsResolverTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void resolveWhenAllAnswersLoopbackAndAllowedThenReturnsExactlyThem() throws Exception {
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> List.of(ip("127.0.0.1"), ip("::1")), true);
        assertThat(dns.resolve("mcp.test")).containsExactly(ip("127.0.0.1"), ip("::1"));
        assertThat(dns.resolve("mcp.test", 8443)).extracting(a -> a.getPort()).containsExactly(8443, 8443);
    }

    @Test
    void resolveWhenLoopbackNotAllowedThenRefused() throws Exception {
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> List.of(ip("127.0.0.1")), false);
        assertThatThrownBy(() -> dns.resolve("mcp.test")).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("mcp.test resolves to 127.0.0.1");
    }

    // a mixed answer is refused whole, even when the first answer is acceptable
    @Test
    void resolveWhenOneAnswerSpecialUseThenRefusedWhole() throws Exception {
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> List.of(ip("127.0.0.1"), ip("192.168.1.1")), true);
        assertThatThrownBy(() -> dns.resolve("mixed.test")).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("192.168.1.1");
    }

    @Test
    void resolveWhenIpLiteralThenParsedNotLookedUp() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> {
            lookups.incrementAndGet();
            return List.of();
        }, true);
        assertThat(dns.resolve("127.0.0.1")).containsExactly(ip("127.0.0.1"));
        assertThat(dns.resolve("[::1]")).containsExactly(ip("::1"));
        assertThatThrownBy(() -> dns.resolve("10.1.2.3")).isInstanceOf(RefusedAddressException.class);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void resolveWhenNoAnswerThenUnknownHost() {
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> List.of(), true);
        assertThatThrownBy(() -> dns.resolve("empty.test")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class);
    }

    @Test
    void resolveCanonicalHostnameWhenAskedThenNoReverseLookup() {
        CheckingDnsResolver dns = new CheckingDnsResolver(h -> {
            throw new AssertionError("no lookup");
        }, false);
        assertThat(dns.resolveCanonicalHostname("as.example.test")).isEqualTo("as.example.test");
    }
}
