package dev.lanyard.discovery.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Plain sockets that check the address once more at {@code connect}: the last line of defence if an address ever
 * reached the connection code without going through {@link CheckingDnsResolver}. Proxies are refused.
 */
public final class GuardedSocketFactory implements DetachedSocketFactory {

    private final CheckingDnsResolver checker;

    /** @param checker the checks applied at connect time */
    public GuardedSocketFactory(CheckingDnsResolver checker) {
        this.checker = checker;
    }

    @Override
    public Socket create(Proxy proxy) throws IOException {
        if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
            throw new SocketException("proxies are not used by the safe fetcher");
        }
        return new GuardedSocket(checker);
    }

    private static final class GuardedSocket extends Socket {
        private final CheckingDnsResolver checker;

        GuardedSocket(CheckingDnsResolver checker) {
            this.checker = checker;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress inet) || inet.isUnresolved()) {
                throw new SocketException("only resolved, checked addresses are connected to");
            }
            checker.check(inet.getHostString(), inet.getAddress());
            super.connect(endpoint, timeout);
        }
    }
}
