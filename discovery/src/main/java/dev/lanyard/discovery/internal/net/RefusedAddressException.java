package dev.lanyard.discovery.internal.net;

import java.io.Serial;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host that is, or resolves to, an address the fetch policy refuses. An {@link UnknownHostException} so that it
 * travels through HttpClient's connection code unchanged; {@code SafeFetcher} maps it to
 * {@code SPECIAL_USE_ADDRESS}.
 */
public final class RefusedAddressException extends UnknownHostException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient InetAddress address;

    /**
     * @param host    the host name or literal
     * @param address the refused address
     * @param block   the special-use block it falls in
     */
    public RefusedAddressException(String host, InetAddress address, SpecialUseAddresses.Block block) {
        super(host + (host.equals(address.getHostAddress()) ? "" : " resolves to " + address.getHostAddress())
                + ", in " + block + ": special-use addresses are not contacted");
        this.address = address;
    }

    /** The refused address. */
    public InetAddress address() {
        return address;
    }
}
