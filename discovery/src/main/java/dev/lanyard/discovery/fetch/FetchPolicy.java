package dev.lanyard.discovery.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What one caller of {@link SafeFetcher} allows. Immutable; change it with the {@code with…} methods.
 *
 * <p>The defaults ({@link #defaults()}) are the strict ones: {@code https} only, no special-use address (RFC 6890)
 * including loopback, 3 s to connect, 5 s in all, 64 KB of body, no redirect, JSON only.
 *
 * @param allowLoopback        whether loopback addresses (127.0.0.0/8, ::1) may be contacted, and then over plain
 *                             {@code http} too; for tests and development only, never in production
 * @param connectTimeout       the longest a TCP connection (and the TLS handshake) may take
 * @param totalTimeout         the longest the whole fetch may take, from DNS to the last body byte; a server that
 *                             trickles its body is cut off here
 * @param maxBodyBytes         the largest body read; a larger one fails with
 *                             {@link FetchException.Reason#BODY_TOO_LARGE} and reading stops at the cap (64 KB for
 *                             metadata, 5 KB for CIMD documents)
 * @param maxRedirects         how many redirects are followed; 0 (the default) follows none. Redirects are only ever
 *                             followed within the same origin, and each hop is checked like the first request
 * @param acceptedContentTypes media types a successful (2xx) answer may have, such as {@code application/json} or
 *                             {@code application/*+json}; empty accepts any
 * @param allowedPorts         ports that may be contacted; empty allows any
 */
public record FetchPolicy(boolean allowLoopback, Duration connectTimeout, Duration totalTimeout, int maxBodyBytes,
        int maxRedirects, List<String> acceptedContentTypes, Set<Integer> allowedPorts) {

    /** The body cap for metadata documents (RFC 8414, RFC 9728, JWKS). */
    public static final int METADATA_MAX_BODY_BYTES = 64 * 1024;
    /** The body cap for client ID metadata documents (CIMD recommends 5 KB). */
    public static final int CIMD_MAX_BODY_BYTES = 5 * 1024;

    private static final List<String> JSON = List.of("application/json", "application/*+json");

    public FetchPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (!connectTimeout.isPositive() || !totalTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException("maxRedirects must be within 0..10");
        }
        acceptedContentTypes = acceptedContentTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        allowedPorts = Set.copyOf(allowedPorts);
        for (int port : allowedPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }
    }

    /** https only, no special-use address, 3 s connect, 5 s total, 64 KB, no redirect, JSON only, any port. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(false, Duration.ofSeconds(3), Duration.ofSeconds(5), METADATA_MAX_BODY_BYTES, 0, JSON,
                Set.of());
    }

    /** This policy, with loopback addresses (and plain http to them) allowed or not. */
    public FetchPolicy withAllowLoopback(boolean allow) {
        return new FetchPolicy(allow, connectTimeout, totalTimeout, maxBodyBytes, maxRedirects, acceptedContentTypes,
                allowedPorts);
    }

    /** This policy with another connect timeout. */
    public FetchPolicy withConnectTimeout(Duration timeout) {
        return new FetchPolicy(allowLoopback, timeout, totalTimeout, maxBodyBytes, maxRedirects, acceptedContentTypes,
                allowedPorts);
    }

    /** This policy with another total timeout. */
    public FetchPolicy withTotalTimeout(Duration timeout) {
        return new FetchPolicy(allowLoopback, connectTimeout, timeout, maxBodyBytes, maxRedirects, acceptedContentTypes,
                allowedPorts);
    }

    /** This policy with another body cap. */
    public FetchPolicy withMaxBodyBytes(int max) {
        return new FetchPolicy(allowLoopback, connectTimeout, totalTimeout, max, maxRedirects, acceptedContentTypes,
                allowedPorts);
    }

    /** This policy following up to {@code max} same-origin redirects. */
    public FetchPolicy withMaxRedirects(int max) {
        return new FetchPolicy(allowLoopback, connectTimeout, totalTimeout, maxBodyBytes, max, acceptedContentTypes,
                allowedPorts);
    }

    /** This policy accepting other media types on success; an empty list accepts any. */
    public FetchPolicy withAcceptedContentTypes(List<String> types) {
        return new FetchPolicy(allowLoopback, connectTimeout, totalTimeout, maxBodyBytes, maxRedirects, types,
                allowedPorts);
    }

    /** This policy contacting only these ports; an empty set allows any. */
    public FetchPolicy withAllowedPorts(Set<Integer> ports) {
        return new FetchPolicy(allowLoopback, connectTimeout, totalTimeout, maxBodyBytes, maxRedirects,
                acceptedContentTypes, ports);
    }

    /** Whether a media type ({@code application/json}, parameters already removed) is accepted. */
    public boolean accepts(String mediaType) {
        if (acceptedContentTypes.isEmpty()) {
            return true;
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        for (String accepted : acceptedContentTypes) {
            if (accepted.equals(type)) {
                return true;
            }
            int star = accepted.indexOf("/*+");
            if (star > 0) {
                // application/*+json: same top-level type, structured syntax suffix +json (RFC 6839)
                String top = accepted.substring(0, star + 1);
                String suffix = accepted.substring(star + 2);
                if (type.startsWith(top) && type.endsWith(suffix) && type.length() > top.length() + suffix.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code Accept} header value sent: the accepted types, or any. */
    public String acceptHeader() {
        return acceptedContentTypes.isEmpty() ? "*/*" : String.join(", ", acceptedContentTypes);
    }
}
