package dev.lanyard.spec.internal.json;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The syntax rules the metadata documents put on their URI-valued members, in one table. Internal: not exported.
 *
 * <p>{@link #problem(String)} says what is wrong with a value in words fit for a
 * {@link dev.lanyard.spec.error.Violation} (never echoing the value), or returns {@code null} when the value follows
 * the rule.
 */
public enum UriRule {

    /** An issuer identifier (RFC 8414 §2): an https URL with no query and no fragment. */
    ISSUER(true, true, false, false),
    /** A resource identifier (RFC 9728 §1.2): an https URL with no fragment; a query is tolerated. */
    RESOURCE(true, true, true, false),
    /** A URL that MUST use https (RFC 8414 §2 and RFC 9728 §2 {@code jwks_uri}); no fragment. */
    HTTPS_URL(true, true, true, false),
    /** An endpoint (RFC 6749 §3.1, §3.2): an absolute URL, no fragment. */
    ENDPOINT(false, true, true, false),
    /** A URL of a page or document for people or keys: an absolute URL; a fragment is allowed. */
    URL(false, true, true, true),
    /** A redirection URI (RFC 6749 §3.1.2): absolute, no fragment; private-use schemes need no authority. */
    REDIRECT_URI(false, false, true, false);

    private final boolean https;
    private final boolean authority;
    private final boolean query;
    private final boolean fragment;

    UriRule(boolean https, boolean authority, boolean query, boolean fragment) {
        this.https = https;
        this.authority = authority;
        this.query = query;
        this.fragment = fragment;
    }

    /** What is wrong with {@code value} under this rule, or {@code null} if nothing is. */
    public String problem(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a URI";
        }
        if (!uri.isAbsolute()) {
            return "must be an absolute URI";
        }
        // Development exception, as RFC 8252 §7.3 makes for redirect URIs: plain http on a loopback IP literal or
        // localhost (a server under test on 127.0.0.1). Any other http URL still fails.
        if (https && !"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && isLoopbackHost(uri.getHost()))) {
            return "must use the https scheme";
        }
        if (authority && !hasHost(uri)) {
            return "must be a URL with a host";
        }
        if (!query && uri.getRawQuery() != null) {
            return "must not contain a query component";
        }
        if (!fragment && uri.getRawFragment() != null) {
            return "must not contain a fragment component";
        }
        return null;
    }

    private static boolean isLoopbackHost(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host) || "localhost".equals(host);
    }

    private static boolean hasHost(URI uri) {
        if (uri.getHost() != null) {
            return true;
        }
        // a registry-based authority (for example a host name with "_"): a non-empty name before any port
        String auth = uri.getRawAuthority();
        if (auth == null) {
            return false;
        }
        String hostPort = auth.substring(auth.lastIndexOf('@') + 1);
        int colon = hostPort.indexOf(':');
        return !(colon < 0 ? hostPort : hostPort.substring(0, colon)).isEmpty();
    }

    /**
     * Checks a value a caller built (not one read from a document).
     *
     * @throws IllegalArgumentException naming {@code what} when the value breaks this rule
     */
    public void require(String value, String what) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
    }
}
