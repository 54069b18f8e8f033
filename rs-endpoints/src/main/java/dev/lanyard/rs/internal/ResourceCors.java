package dev.lanyard.rs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

import dev.lanyard.discovery.publish.CorsPolicy;
import dev.lanyard.rs.RsConfigKeys;

/**
 * CORS (Fetch standard) for the protected resource, shared by both filters: what a browser-based MCP client may send
 * (Streamable HTTP: GET, POST, DELETE; its session and protocol headers) and read (the challenge and the session id).
 */
public final class ResourceCors {

    static final List<String> METHODS = List.of("GET", "POST", "DELETE");
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Mcp-Session-Id",
            "MCP-Protocol-Version", "Last-Event-ID");
    // RFC 6750 §3 challenge and the MCP session id must be readable by the page
    static final List<String> EXPOSED_HEADERS = List.of("WWW-Authenticate", "Mcp-Session-Id");

    private final CorsPolicy policy;

    /** @param policy the allowed origins */
    public ResourceCors(CorsPolicy policy) {
        this.policy = policy;
    }

    /** Reads {@code lanyard.rs.cors.allowed-origins}; a malformed origin fails start-up naming the key. */
    public static ResourceCors read(Config config) {
        try {
            return new ResourceCors(CorsPolicy.of(config.getOptionalValue(RsConfigKeys.CORS_ALLOWED_ORIGINS,
                    String[].class).map(List::of).orElse(List.of())));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Lanyard resource server configuration: "
                    + RsConfigKeys.CORS_ALLOWED_ORIGINS + ": " + e.getMessage(), e);
        }
    }

    /** Whether a request is a CORS preflight, which is answered 204 and never challenged (it has no credentials). */
    public static boolean isPreflight(String method, String origin, String requestMethod) {
        return CorsPolicy.isPreflight(method, origin, requestMethod);
    }

    /** The headers of a preflight answer, {@code Vary: Origin} included when the answer depends on it. */
    public Map<String, String> preflight(String origin) {
        return withVary(policy.preflightHeaders(origin, METHODS, REQUEST_HEADERS));
    }

    /** The headers of an actual answer (the resource's, or a 401/403/400 challenge). */
    public Map<String, String> actual(String origin) {
        return withVary(policy.actualHeaders(origin, EXPOSED_HEADERS));
    }

    private Map<String, String> withVary(Map<String, String> headers) {
        if (!policy.variesByOrigin()) {
            return headers;
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Vary", "Origin");
        return h;
    }
}
