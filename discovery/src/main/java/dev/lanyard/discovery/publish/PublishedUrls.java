package dev.lanyard.discovery.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** URL rules for what a server publishes about itself. */
final class PublishedUrls {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private PublishedUrls() {
    }

    /** {@code path} under {@code base}, without doubling a terminating slash. */
    static URI under(String base, String path) {
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /**
     * Requires an absolute https URL without fragment; plain http only on a loopback host, and only when the
     * {@code owner} (the issuer or resource) is itself plain http on loopback (development).
     *
     * @throws IllegalArgumentException naming {@code what} and the rule
     */
    static void requireSecure(String value, String owner, String what) {
        URI uri = parse(value, what);
        URI ownerUri = parse(owner, what);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must be an absolute URL with a host and no fragment");
        }
        boolean devOwner = "http".equals(ownerUri.getScheme()) && LOOPBACK.contains(ownerUri.getHost());
        boolean devUrl = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !(devOwner && devUrl)) {
            throw new IllegalArgumentException(what + " must use https (OAuth 2.1 §1.5; RFC 8414 §2; RFC 9728 §2)");
        }
    }

    private static URI parse(String value, String what) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URI", e);
        }
    }
}
