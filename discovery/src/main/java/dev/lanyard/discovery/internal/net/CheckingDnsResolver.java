package dev.lanyard.discovery.internal.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;

import dev.lanyard.discovery.fetch.HostResolver;

/**
 * HttpClient's {@link DnsResolver}, refusing special-use addresses: a host is refused if <em>any</em> of its answers is
 * special-use (a mixed public/private answer is refused whole), so the addresses returned are exactly those checked.
 * IP literals are parsed, never looked up, and checked the same way. Loopback is allowed only when the caller's
 * policy says so.
 *
 * <p>{@code SafeFetcher} resolves through this class and connects to the addresses it returned (pinned in the
 * request's target), so a second DNS answer (rebinding) is never consulted. It is also installed in the connection
 * manager, so any other path to a connection is checked too.
 */
public final class CheckingDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final boolean allowLoopback;

    /**
     * @param resolver      where names are looked up
     * @param allowLoopback whether loopback answers are allowed
     */
    public CheckingDnsResolver(HostResolver resolver, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = HostLiterals.unbracket(host);
        Optional<InetAddress> literal = HostLiterals.parse(bare);
        List<InetAddress> answers = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(bare);
        if (answers == null || answers.isEmpty()) {
            throw new UnknownHostException(bare + ": no address");
        }
        List<InetAddress> checked = new ArrayList<>(answers.size());
        for (InetAddress address : answers) {
            check(bare, address);
            checked.add(address);
        }
        return checked.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            out.add(new InetSocketAddress(address, port));
        }
        return out;
    }

    /** No reverse lookups: the name given is the name used. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /**
     * Refuses an address that is special-use, unless it is loopback and loopback is allowed.
     *
     * @throws RefusedAddressException if refused
     */
    public void check(String host, InetAddress address) throws RefusedAddressException {
        Optional<SpecialUseAddresses.Block> block = SpecialUseAddresses.classify(address);
        if (block.isPresent() && !(allowLoopback && block.get().loopback())) {
            throw new RefusedAddressException(host, address, block.get());
        }
    }
}
