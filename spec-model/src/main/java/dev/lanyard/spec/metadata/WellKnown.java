package dev.lanyard.spec.metadata;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where metadata documents live: the one place Lanyard builds well-known URLs.
 *
 * <p>RFC 8414 §3.1 and RFC 9728 §3.1 <em>insert</em> {@code /.well-known/<suffix>} between the host and the path
 * (after removing a terminating {@code /} from the path): issuer {@code https://as.example.com/tenant1} has its
 * metadata at {@code https://as.example.com/.well-known/oauth-authorization-server/tenant1}. OpenID Connect
 * Discovery 1.0 §4 <em>appends</em> instead ({@code https://as.example.com/tenant1/.well-known/openid-configuration});
 * RFC 8414 §5 notes the inserted form of {@code openid-configuration} too. Mixing the two up is a classic interop
 * bug, so every form has its own method.
 *
 * <p>Specifications: RFC 8414 §3, §3.1, §5; RFC 9728 §3, §3.1; OpenID Connect Discovery 1.0 §4; MCP 2026-07-28
 * authorization-server-discovery (the order of {@link #authorizationServerCandidates(URI)}).
 *
 * <p>Every method takes an absolute hierarchical URI (scheme and host) without fragment and throws
 * {@link IllegalArgumentException} otherwise. Components are copied in their raw (percent-encoded) form.
 */
public final class WellKnown {

    /** The RFC 8414 suffix. */
    public static final String OAUTH_AUTHORIZATION_SERVER = "oauth-authorization-server";
    /** The RFC 9728 suffix. */
    public static final String OAUTH_PROTECTED_RESOURCE = "oauth-protected-resource";
    /** The OpenID Connect Discovery suffix. */
    public static final String OPENID_CONFIGURATION = "openid-configuration";

    private WellKnown() {
    }

    /**
     * The RFC 8414 §3.1 metadata URL of an issuer: {@code /.well-known/oauth-authorization-server} inserted before the
     * issuer's path.
     *
     * @throws IllegalArgumentException when {@code issuer} is not absolute, has no host, or has a query or fragment
     *                                  (RFC 8414 §2: an issuer has neither)
     */
    public static URI authorizationServer(URI issuer) {
        return insert(requireIssuer(issuer), OAUTH_AUTHORIZATION_SERVER);
    }

    /**
     * The RFC 9728 §3.1 metadata URL of a protected resource: {@code /.well-known/oauth-protected-resource} inserted
     * between the host and the path and query; the query is kept.
     *
     * @throws IllegalArgumentException when {@code resource} is not absolute, has no host, or has a fragment
     */
    public static URI protectedResource(URI resource) {
        return insert(resource, OAUTH_PROTECTED_RESOURCE);
    }

    /** The OpenID configuration URL with the suffix inserted before the path (RFC 8414 §5 compatibility form). */
    public static URI openIdConfigurationInserted(URI issuer) {
        return insert(requireIssuer(issuer), OPENID_CONFIGURATION);
    }

    /** The OpenID Connect Discovery 1.0 §4 URL: {@code /.well-known/openid-configuration} appended to the path. */
    public static URI openIdConfigurationAppended(URI issuer) {
        requireIssuer(issuer);
        return URI.create(origin(issuer) + path(issuer) + "/.well-known/" + OPENID_CONFIGURATION);
    }

    /**
     * The metadata URLs an MCP client tries for an authorization server, in order (MCP 2026-07-28
     * authorization-server-discovery): for an issuer with a path, RFC 8414 insertion, OpenID insertion, OpenID
     * appending; for an issuer without a path (the three would repeat), RFC 8414 then OpenID.
     */
    public static List<URI> authorizationServerCandidates(URI issuer) {
        URI oauth = authorizationServer(issuer);
        if (path(issuer).isEmpty()) {
            return List.of(oauth, openIdConfigurationAppended(issuer));
        }
        return List.of(oauth, openIdConfigurationInserted(issuer), openIdConfigurationAppended(issuer));
    }

    /**
     * {@code /.well-known/<suffix>} inserted between the host and the path and query of {@code identifier}, after
     * removing a terminating {@code /} from the path (RFC 8414 §3, RFC 9728 §3): for applications that register a
     * suffix of their own.
     *
     * @throws IllegalArgumentException when {@code identifier} is not absolute, has no host, or has a fragment, or
     *                                  {@code suffix} is not one path segment
     */
    public static URI insert(URI identifier, String suffix) {
        requireBase(identifier);
        Objects.requireNonNull(suffix, "suffix");
        if (suffix.isEmpty() || suffix.contains("/") || suffix.contains("?") || suffix.contains("#")
                || suffix.equals(".") || suffix.equals("..")) {
            throw new IllegalArgumentException("a well-known suffix is one path segment");
        }
        String query = identifier.getRawQuery() == null ? "" : "?" + identifier.getRawQuery();
        return URI.create(origin(identifier) + "/.well-known/" + suffix + path(identifier) + query);
    }

    private static URI requireIssuer(URI issuer) {
        requireBase(issuer);
        if (issuer.getRawQuery() != null) {
            throw new IllegalArgumentException("an issuer identifier has no query component (RFC 8414 §2)");
        }
        return issuer;
    }

    private static void requireBase(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new IllegalArgumentException("not an absolute URL with a host");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a metadata identifier has no fragment component");
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The raw path without its terminating {@code /}; empty for no path or {@code /}. */
    private static String path(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
