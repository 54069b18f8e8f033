package dev.lanyard.discovery.internal.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import dev.lanyard.discovery.fetch.FetchException;
import dev.lanyard.discovery.fetch.FetchException.Reason;

/** Maps the I/O failures of a fetch to the reason a caller can act on. */
public final class FetchFailures {

    private FetchFailures() {
    }

    /**
     * The {@link FetchException} for an I/O failure.
     *
     * @param deadlinePassed whether the total timeout had passed when it failed (a cancelled request)
     */
    public static FetchException map(URI uri, IOException failure, boolean deadlinePassed) {
        RefusedAddressException refused = find(failure, RefusedAddressException.class);
        if (refused != null) {
            return new FetchException(uri, Reason.SPECIAL_USE_ADDRESS, refused.getMessage(), failure);
        }
        if (deadlinePassed) {
            return new FetchException(uri, Reason.TIMEOUT, "total timeout passed", failure);
        }
        UnknownHostException unknown = find(failure, UnknownHostException.class);
        if (unknown != null) {
            return new FetchException(uri, Reason.UNKNOWN_HOST, "host does not resolve: " + unknown.getMessage(),
                    failure);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return new FetchException(uri, Reason.TLS, "TLS failed: " + tls.getMessage(), failure);
        }
        if (find(failure, InterruptedIOException.class) != null) {
            return new FetchException(uri, Reason.TIMEOUT, "timed out: " + failure.getMessage(), failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return new FetchException(uri, Reason.CONNECT_FAILED, "cannot connect: " + failure.getMessage(), failure);
        }
        return new FetchException(uri, Reason.IO_ERROR,
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
