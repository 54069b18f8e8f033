package dev.lanyard.discovery.internal.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Classifies IP addresses against the IANA special-purpose address registries (RFC 6890 and its updates), plus
 * multicast and the reserved ranges, so that the fetcher never connects to an address that is not ordinary public
 * unicast.
 *
 * <p>IPv4-mapped IPv6 ({@code ::ffff:0:0/96}) and NAT64 ({@code 64:ff9b::/96}) addresses are classified by the IPv4
 * address they embed. Any IPv6 address outside global unicast ({@code 2000::/3}) is refused, and so are the special
 * blocks inside it.
 *
 * <p>Specifications: RFC 6890 §2.2; IANA IPv4 and IPv6 Special-Purpose Address Registries; RFC 5771 (multicast);
 * RFC 6598 (shared address space); RFC 6052 (NAT64); RFC 4291 §2.5.5.2 (IPv4-mapped).
 */
public final class SpecialUseAddresses {

    /** A block an address falls in. {@code category} names the registry entry, for messages. */
    public record Block(String cidr, String category, boolean loopback) {
        @Override
        public String toString() {
            return cidr + " (" + category + ")";
        }
    }

    private record Range(byte[] prefix, int bits, Block block) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "this network, RFC 791", false),
            v4("10.0.0.0", 8, "private-use, RFC 1918", false),
            v4("100.64.0.0", 10, "shared address space (CGNAT), RFC 6598", false),
            v4("127.0.0.0", 8, "loopback, RFC 1122", true),
            v4("169.254.0.0", 16, "link-local incl. cloud metadata 169.254.169.254, RFC 3927", false),
            v4("172.16.0.0", 12, "private-use, RFC 1918", false),
            v4("192.0.0.0", 24, "IETF protocol assignments, RFC 6890", false),
            v4("192.0.2.0", 24, "documentation TEST-NET-1, RFC 5737", false),
            v4("192.31.196.0", 24, "AS112-v4, RFC 7535", false),
            v4("192.52.193.0", 24, "AMT, RFC 7450", false),
            v4("192.88.99.0", 24, "deprecated 6to4 relay anycast, RFC 7526", false),
            v4("192.168.0.0", 16, "private-use, RFC 1918", false),
            v4("192.175.48.0", 24, "direct delegation AS112 service, RFC 7534", false),
            v4("198.18.0.0", 15, "benchmarking, RFC 2544", false),
            v4("198.51.100.0", 24, "documentation TEST-NET-2, RFC 5737", false),
            v4("203.0.113.0", 24, "documentation TEST-NET-3, RFC 5737", false),
            v4("224.0.0.0", 4, "multicast, RFC 5771", false),
            v4("255.255.255.255", 32, "limited broadcast, RFC 919", false),
            v4("240.0.0.0", 4, "reserved, RFC 1112", false));

    private static final List<Range> IPV6 = List.of(
            v6("::1", 128, "loopback, RFC 4291", true),
            v6("::", 128, "unspecified, RFC 4291", false),
            v6("::", 96, "IPv4-compatible (deprecated), RFC 4291", false),
            v6("64:ff9b:1::", 48, "local-use IPv4/IPv6 translation, RFC 8215", false),
            v6("100::", 64, "discard-only, RFC 6666", false),
            v6("2001::", 23, "IETF protocol assignments incl. Teredo, RFC 2928", false),
            v6("2001:db8::", 32, "documentation, RFC 3849", false),
            v6("2002::", 16, "6to4, RFC 3056", false),
            v6("2620:4f:8000::", 48, "direct delegation AS112 service, RFC 7534", false),
            v6("3fff::", 20, "documentation, RFC 9637", false),
            v6("5f00::", 16, "segment routing SIDs, RFC 9602", false),
            v6("fc00::", 7, "unique local, RFC 4193", false),
            v6("fe80::", 10, "link-local, RFC 4291", false),
            v6("fec0::", 10, "site-local (deprecated), RFC 3879", false),
            v6("ff00::", 8, "multicast, RFC 4291", false));

    private static final Block NOT_GLOBAL_UNICAST =
            new Block("outside 2000::/3", "not global unicast, RFC 4291", false);
    private static final Range GLOBAL_UNICAST = new Range(bytes("2000::"), 3, NOT_GLOBAL_UNICAST);
    private static final byte[] MAPPED_PREFIX = bytes("::ffff:0:0");
    private static final byte[] NAT64_PREFIX = bytes("64:ff9b::");

    private SpecialUseAddresses() {
    }

    /** The special-use block {@code address} is in, or empty for an ordinary public unicast address. */
    public static Optional<Block> classify(InetAddress address) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            return find(IPV4, raw);
        }
        if (address instanceof Inet6Address) {
            // RFC 4291 §2.5.5.2 / RFC 6052 §2.1: classify the embedded IPv4 address
            if (startsWith(raw, MAPPED_PREFIX, 12) || startsWith(raw, NAT64_PREFIX, 12)) {
                byte[] v4 = new byte[] {raw[12], raw[13], raw[14], raw[15]};
                return find(IPV4, v4);
            }
            Optional<Block> special = find(IPV6, raw);
            if (special.isPresent()) {
                return special;
            }
            return GLOBAL_UNICAST.contains(raw) ? Optional.empty() : Optional.of(NOT_GLOBAL_UNICAST);
        }
        throw new IllegalArgumentException("unknown address family: " + address.getClass().getName());
    }

    /** Whether {@code address} is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
    public static boolean isLoopback(InetAddress address) {
        return classify(address).map(Block::loopback).orElse(false);
    }

    private static Optional<Block> find(List<Range> ranges, byte[] raw) {
        for (Range range : ranges) {
            if (range.contains(raw)) {
                return Optional.of(range.block());
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] raw, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (raw[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Range v4(String literal, int bits, String category, boolean loopback) {
        return new Range(bytes(literal), bits, new Block(literal + "/" + bits, category, loopback));
    }

    private static Range v6(String literal, int bits, String category, boolean loopback) {
        return new Range(bytes(literal), bits, new Block(literal + "/" + bits, category, loopback));
    }

    private static byte[] bytes(String literal) {
        try {
            byte[] raw = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && raw.length == 4) {
                // the JDK turns IPv4-mapped literals into IPv4 addresses: rebuild the 16 bytes
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xFF;
                v6[11] = (byte) 0xFF;
                System.arraycopy(raw, 0, v6, 12, 4);
                return v6;
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad literal in the special-use table: " + literal, e);
        }
    }
}
