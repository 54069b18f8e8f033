package dev.lanyard.cimd.testing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanyard.discovery.fetch.HostResolver;

/** A {@link HostResolver} whose answers tests choose, counting lookups; unknown names do not resolve. */
public final class TestDns implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** Makes {@code host} resolve to {@code literals} (IP address literals). */
    public TestDns map(String host, String... literals) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            try {
                addresses.add(address(host, literal));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
        answers.put(host, List.copyOf(addresses));
        return this;
    }

    // Java turns "::ffff:a.b.c.d" into an IPv4 address; build the IPv4-mapped IPv6 form explicitly
    private static InetAddress address(String host, String literal) throws UnknownHostException {
        if (literal.toLowerCase(java.util.Locale.ROOT).startsWith("::ffff:") && literal.indexOf('.') > 0) {
            byte[] v4 = InetAddress.getByName(literal.substring(7)).getAddress();
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return Inet6Address.getByAddress(host, v6, -1);
        }
        return InetAddress.getByAddress(host, InetAddress.getByName(literal).getAddress());
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.incrementAndGet();
        List<InetAddress> found = answers.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    }

    /** How many lookups were made. */
    public int lookups() {
        return lookups.get();
    }
}
