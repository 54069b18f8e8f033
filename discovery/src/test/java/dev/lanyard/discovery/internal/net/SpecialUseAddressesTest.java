package dev.lanyard.discovery.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialUseAddressesTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    // RFC 6890 §2.2.2 and the IANA IPv4 special-purpose registry; A-082 ranges; first and last address of each block
    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0.0.0.0/8", "0.255.255.255, 0.0.0.0/8",
        "10.0.0.1, 10.0.0.0/8", "10.255.255.255, 10.0.0.0/8",
        "100.64.0.1, 100.64.0.0/10", "100.127.255.255, 100.64.0.0/10",
        "127.0.0.1, 127.0.0.0/8", "127.255.255.254, 127.0.0.0/8",
        "169.254.169.254, 169.254.0.0/16", "169.254.0.1, 169.254.0.0/16",
        "172.16.0.1, 172.16.0.0/12", "172.31.255.255, 172.16.0.0/12",
        "192.0.0.9, 192.0.0.0/24", "192.0.2.1, 192.0.2.0/24", "192.88.99.1, 192.88.99.0/24",
        "192.168.1.1, 192.168.0.0/16", "198.18.0.1, 198.18.0.0/15", "198.19.255.255, 198.18.0.0/15",
        "198.51.100.7, 198.51.100.0/24", "203.0.113.9, 203.0.113.0/24",
        "224.0.0.1, 224.0.0.0/4", "239.255.255.255, 224.0.0.0/4",
        "240.0.0.1, 240.0.0.0/4", "255.255.255.255, 255.255.255.255/32"})
    void classifyWhenIpv4SpecialUseThenBlockNamed(String literal, String cidr) throws Exception {
        assertThat(SpecialUseAddresses.classify(ip(literal))).get().extracting(SpecialUseAddresses.Block::cidr)
                .isEqualTo(cidr);
    }

    // IANA IPv6 special-purpose registry; A-082 ranges
    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "::10.0.0.1", "100::1", "2001::1", "2001:db8::1", "2001:2::1", "2002:a00:1::1",
        "3fff::1", "5f00::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "64:ff9b:1::1", "4000::1",
        "1000::1"})
    void classifyWhenIpv6SpecialUseOrNotGlobalUnicastThenRefused(String literal) throws Exception {
        assertThat(SpecialUseAddresses.classify(ip(literal))).isPresent();
    }

    // RFC 4291 §2.5.5.2 and RFC 6052: the embedded IPv4 address decides (A-082: ::ffff:10.0.0.1, 64:ff9b::a00:1)
    @Test
    void classifyWhenIpv4MappedOrNat64ThenEmbeddedAddressDecides() throws Exception {
        assertThat(SpecialUseAddresses.classify(mapped(10, 0, 0, 1))).get()
                .extracting(SpecialUseAddresses.Block::cidr).isEqualTo("10.0.0.0/8");
        assertThat(SpecialUseAddresses.classify(mapped(169, 254, 169, 254))).isPresent();
        assertThat(SpecialUseAddresses.classify(ip("64:ff9b::a00:1"))).get()
                .extracting(SpecialUseAddresses.Block::cidr).isEqualTo("10.0.0.0/8");
        assertThat(SpecialUseAddresses.classify(ip("64:ff9b::a9fe:a9fe"))).isPresent();
        assertThat(SpecialUseAddresses.classify(mapped(8, 8, 8, 8))).isEmpty();
        assertThat(SpecialUseAddresses.classify(ip("64:ff9b::808:808"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "169.253.255.255", "192.0.1.255", "198.17.255.255", "198.20.0.0", "223.255.255.255",
        "2606:4700:4700::1111", "2a00:1450:4001::200e", "2001:4860:4860::8888"})
    void classifyWhenPublicUnicastThenNotSpecial(String literal) throws Exception {
        assertThat(SpecialUseAddresses.classify(ip(literal))).isEmpty();
    }

    @Test
    void isLoopbackWhenLoopbackFormsThenTrueOtherwiseFalse() throws Exception {
        assertThat(SpecialUseAddresses.isLoopback(ip("127.0.0.1"))).isTrue();
        assertThat(SpecialUseAddresses.isLoopback(ip("127.8.9.10"))).isTrue();
        assertThat(SpecialUseAddresses.isLoopback(ip("::1"))).isTrue();
        assertThat(SpecialUseAddresses.isLoopback(ip("10.0.0.1"))).isFalse();
        assertThat(SpecialUseAddresses.isLoopback(ip("8.8.8.8"))).isFalse();
        assertThat(SpecialUseAddresses.isLoopback(ip("::"))).isFalse();
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] raw = new byte[16];
        raw[10] = (byte) 0xff;
        raw[11] = (byte) 0xff;
        raw[12] = (byte) a;
        raw[13] = (byte) b;
        raw[14] = (byte) c;
        raw[15] = (byte) d;
        return Inet6Address.getByAddress(null, raw, -1);
    }
}
