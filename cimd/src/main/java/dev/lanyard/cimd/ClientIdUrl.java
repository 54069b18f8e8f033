package dev.lanyard.cimd;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import dev.lanyard.cimd.internal.CimdRules;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/**
 * A client identifier that is a Client ID Metadata Document URL, checked against the draft's URL rules.
 *
 * <p>The value is kept exactly as received and is compared as a plain string (RFC 3986 §6.2.1): no case folding, no
 * default-port removal, no percent-decoding, no dot-segment removal. {@code https://h/x} and {@code https://h:443/x}
 * are two different clients.
 *
 * <p>Rules (draft §3; a failure is {@code invalid_client}, before any fetch):
 * <ul>
 *   <li>printable ASCII, at most {@link #MAX_LENGTH} characters, starting with {@code https://};</li>
 *   <li>a host, no userinfo, no fragment, a port only if it is a number in 1..65535;</li>
 *   <li>a path other than {@code /}, with no {@code .} or {@code ..} segment, also when percent-encoded
 *       ({@code %2e}, {@code .%2E}, ...), and no percent-encoded {@code /} or {@code \} that could hide one;</li>
 *   <li>a query is allowed (the draft says SHOULD NOT): {@link #hasQuery()} lets the consent page say so.</li>
 * </ul>
 *
 * <p>Specifications: {@value dev.lanyard.spec.ref.Specs#CIMD} §3; MCP {@value dev.lanyard.spec.ref.Specs#MCP}
 * client registration.
 *
 * @param value the {@code client_id}, exactly as received
 */
public record ClientIdUrl(String value) {

    /** The longest client identifier URL accepted, in characters. */
    public static final int MAX_LENGTH = 2048;

    private static final String PREFIX = "https://";

    public ClientIdUrl {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("not a client ID metadata document URL: " + problem);
        }
    }

    /**
     * Reads a {@code client_id} parameter as a client ID metadata document URL.
     *
     * @throws OAuthException {@code invalid_client}, naming the rule broken and never echoing the value
     */
    public static ClientIdUrl parse(String clientId) {
        String problem = problem(Objects.requireNonNull(clientId, "clientId"));
        if (problem != null) {
            throw OAuthException.of(OAuthError.INVALID_CLIENT,
                    "client_id is not a valid client ID metadata document URL: it " + problem, CimdRules.URL);
        }
        return new ClientIdUrl(clientId);
    }

    /** Whether {@code clientId} follows every rule of a client ID metadata document URL. */
    public static boolean isValid(String clientId) {
        return clientId != null && problem(clientId) == null;
    }

    /**
     * Whether {@code clientId} has the shape of a URL client identifier ({@code https://...}), valid or not. The
     * prefix alone is not a reliable signal (draft §7.1): look up clients the server registered first, and only then
     * treat the identifier as a document URL.
     */
    public static boolean looksLikeUrl(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The URL to fetch. */
    public URI uri() {
        return URI.create(value);
    }

    /**
     * The host in lower case ({@code client.example.com}, {@code [2001:db8::1]}), for display on the consent page
     * (draft §8.5: show the client_id hostname) and for host-based trust policies. Never used for comparison with
     * another client identifier.
     */
    public String host() {
        return uri().getHost().toLowerCase(Locale.ROOT);
    }

    /** Whether the URL has a query component (allowed, but the draft says it SHOULD NOT). */
    public boolean hasQuery() {
        return uri().getRawQuery() != null;
    }

    @Override
    public String toString() {
        return value;
    }

    /** What is wrong with {@code value}, in words completing "it ...", or null. Never echoes the value. */
    private static String problem(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return "must have 1 to " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '\\') {
                return "must consist of printable ASCII characters without spaces or backslashes";
            }
        }
        if (!value.startsWith(PREFIX)) {
            // CIMD §3: Client Identifier URLs MUST have an "https" scheme
            return "must start with https://";
        }
        if (value.indexOf('#') >= 0) {
            // CIMD §3: MUST NOT contain a fragment component
            return "must not contain a fragment";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a valid URI";
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') >= 0) {
            // CIMD §3: MUST NOT contain a username or password (userinfo)
            return authority == null ? "must have a host" : "must not contain userinfo";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must have a valid host name";
        }
        if (authority.endsWith(":") || (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535))) {
            return "must have a port in 1..65535 when it names one";
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            // CIMD §3: MUST contain a path component; "/" alone is not a path of a document (NOT RECOMMENDED in -02)
            return "must have a path other than /";
        }
        for (String segment : path.split("/", -1)) {
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c")) {
                return "must not contain percent-encoded slashes or backslashes in its path";
            }
            String decoded = lower.replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                // CIMD §3: MUST NOT contain single-dot or double-dot path segments (percent-encoded ones included)
                return "must not contain . or .. path segments";
            }
        }
        return null;
    }
}
