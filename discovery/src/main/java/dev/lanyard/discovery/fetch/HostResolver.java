package dev.lanyard.discovery.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. {@link SafeFetcher} checks every answer and connects only to the addresses it
 * checked, so a resolver never decides what is safe; replacing it (tests, a custom DNS client) cannot weaken the
 * special-use address rules.
 *
 * <p>IP literals in URLs never reach a resolver: the fetcher parses them itself.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Every address {@code host} resolves to.
     *
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName(String)}). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
