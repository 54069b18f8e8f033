package dev.lanyard.discovery.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which origins a browser-based client may call an endpoint from (Fetch standard, "CORS protocol"), and the exact
 * response headers that say so. Never {@code Access-Control-Allow-Credentials}: the endpoints it serves take no
 * cookies, only explicit credentials (headers, form members). A request from an origin not allowed gets no CORS
 * header at all, so the browser keeps the answer from the page.
 *
 * <p>Three shapes: {@linkplain #none() no origin}, {@linkplain #anyOrigin() any origin} ({@code *}), or a list of
 * exact origins ({@code scheme://host[:port]}, compared after lower-casing scheme and host, as browsers serialize
 * them); with a list the answer depends on {@code Origin}, so {@link #variesByOrigin()} tells the caller to add
 * {@code Vary: Origin}.
 */
public final class CorsPolicy {

    /** How long a browser may cache a preflight answer (Chromium caps it at two hours). */
    public static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    private static final CorsPolicy NONE = new CorsPolicy(false, Set.of());
    private static final CorsPolicy ANY = new CorsPolicy(true, Set.of());

    private final boolean any;
    private final Set<String> origins;

    private CorsPolicy(boolean any, Set<String> origins) {
        this.any = any;
        this.origins = origins;
    }

    /** No origin is allowed: no CORS header is ever sent. */
    public static CorsPolicy none() {
        return NONE;
    }

    /** Every origin is allowed: {@code Access-Control-Allow-Origin: *} (for public documents). */
    public static CorsPolicy anyOrigin() {
        return ANY;
    }

    /**
     * Parses a configured list: empty for {@link #none()}, {@code *} alone for {@link #anyOrigin()}, otherwise exact
     * origins such as {@code http://localhost:6274}.
     *
     * @throws IllegalArgumentException naming the first item that is not an origin (a path, a query, a wildcard in a
     *                                  list, {@code null}, a trailing slash)
     */
    public static CorsPolicy of(List<String> items) {
        List<String> values = items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (values.isEmpty()) {
            return NONE;
        }
        if (values.equals(List.of("*"))) {
            return ANY;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String v : values) {
            origins.add(origin(v));
        }
        return new CorsPolicy(false, Set.copyOf(origins));
    }

    /** Whether every origin is allowed. */
    public boolean allowsAnyOrigin() {
        return any;
    }

    /** Whether the answer depends on the request's {@code Origin} (then add {@code Vary: Origin}). */
    public boolean variesByOrigin() {
        return !any && !origins.isEmpty();
    }

    /** The value of {@code Access-Control-Allow-Origin} for a request from {@code origin}, if it is allowed. */
    public Optional<String> allowOrigin(String origin) {
        if (origin == null || origin.isEmpty()) {
            return Optional.empty();
        }
        if (any) {
            return Optional.of("*");
        }
        return origins.contains(origin) ? Optional.of(origin) : Optional.empty();
    }

    /**
     * The CORS headers of an actual (non-preflight) answer to a request from {@code origin}: empty when the origin
     * is not allowed; otherwise {@code Access-Control-Allow-Origin}, and {@code Access-Control-Expose-Headers} when
     * {@code expose} names response headers the page may read beyond the safelisted ones.
     */
    public Map<String, String> actualHeaders(String origin, List<String> expose) {
        Map<String, String> h = new LinkedHashMap<>();
        allowOrigin(origin).ifPresent(o -> {
            h.put("Access-Control-Allow-Origin", o);
            if (!expose.isEmpty()) {
                h.put("Access-Control-Expose-Headers", String.join(", ", expose));
            }
        });
        return h;
    }

    /**
     * The CORS headers of a preflight answer (Fetch standard, "CORS-preflight request") to a request from
     * {@code origin}: empty when the origin is not allowed; otherwise the origin, the methods and request headers
     * allowed, and {@link #PREFLIGHT_MAX_AGE}.
     */
    public Map<String, String> preflightHeaders(String origin, List<String> methods, List<String> headers) {
        Map<String, String> h = new LinkedHashMap<>();
        allowOrigin(origin).ifPresent(o -> {
            h.put("Access-Control-Allow-Origin", o);
            h.put("Access-Control-Allow-Methods", String.join(", ", methods));
            if (!headers.isEmpty()) {
                h.put("Access-Control-Allow-Headers", String.join(", ", headers));
            }
            h.put("Access-Control-Max-Age", Long.toString(PREFLIGHT_MAX_AGE.toSeconds()));
        });
        return h;
    }

    /** Whether a request is a CORS preflight: {@code OPTIONS} with {@code Origin} and the method it asks for. */
    public static boolean isPreflight(String method, String origin, String requestMethod) {
        return "OPTIONS".equals(method) && origin != null && requestMethod != null;
    }

    // an origin is scheme "://" host [":" port], nothing more (RFC 6454 §6.1 serialization)
    private static String origin(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an origin: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Not an origin (scheme://host[:port]): " + value);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }

    @Override
    public String toString() {
        return any ? "*" : origins.isEmpty() ? "(none)" : String.join(",", origins);
    }
}
