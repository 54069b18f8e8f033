package dev.lanyard.as.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lanyard.discovery.publish.CorsPolicy;

/**
 * Which endpoints of the authorization server answer cross-origin requests, with which methods and headers. Front
 * channel endpoints (authorization, consent, sign-in) are none of them: OAuth 2.1 §3.1 forbids CORS at the
 * authorization endpoint, and the others are navigations, not fetches.
 */
public final class CorsRoutes {

    private static final String METADATA = ".well-known/oauth-authorization-server";
    private static final String OPENID = ".well-known/openid-configuration";

    private CorsRoutes() {
    }

    /** A family of endpoints and what a browser may send to it and read from it. */
    public enum Route {
        /** The metadata documents and the JWK set: public, for any origin (MCP clients send MCP-Protocol-Version). */
        PUBLIC_DOCUMENT(true, List.of("GET"), List.of("MCP-Protocol-Version"), List.of()),
        /** Token and revocation endpoints: form POSTs, client authentication, DPoP proofs. */
        TOKEN(false, List.of("POST"), List.of("Authorization", "Content-Type", "DPoP"),
                List.of("WWW-Authenticate", "Retry-After", "DPoP-Nonce")),
        /** The registration endpoint (RFC 7591): JSON POST, an initial access token. */
        REGISTRATION(false, List.of("POST"), List.of("Authorization", "Content-Type"),
                List.of("WWW-Authenticate", "Retry-After")),
        /** The client configuration endpoint (RFC 7592). */
        CLIENT_CONFIGURATION(false, List.of("GET", "PUT", "DELETE"), List.of("Authorization", "Content-Type"),
                List.of("WWW-Authenticate"));

        private final boolean publicDocument;
        private final List<String> methods;
        private final List<String> requestHeaders;
        private final List<String> exposedHeaders;

        Route(boolean publicDocument, List<String> methods, List<String> requestHeaders, List<String> exposed) {
            this.publicDocument = publicDocument;
            this.methods = methods;
            this.requestHeaders = requestHeaders;
            this.exposedHeaders = exposed;
        }

        /** The policy that applies: any origin for public documents, the configured one otherwise. */
        public CorsPolicy policy(CorsPolicy configured) {
            return publicDocument ? CorsPolicy.anyOrigin() : configured;
        }

        /** The headers of a preflight answer. */
        public Map<String, String> preflightHeaders(CorsPolicy configured, String origin) {
            return policy(configured).preflightHeaders(origin, methods, requestHeaders);
        }

        /** The headers of an actual answer, an error as well as a success. */
        public Map<String, String> actualHeaders(CorsPolicy configured, String origin) {
            return policy(configured).actualHeaders(origin, exposedHeaders);
        }

        /** Whether the answer depends on {@code Origin} ({@code Vary: Origin}). */
        public boolean variesByOrigin(CorsPolicy configured) {
            return policy(configured).variesByOrigin();
        }
    }

    /** The route of a path relative to the application (no leading slash), if it answers cross-origin requests. */
    public static Optional<Route> route(String path) {
        if (path.equals(METADATA) || path.startsWith(METADATA + "/") || path.equals(OPENID)
                || path.startsWith(OPENID + "/") || path.equals("jwks")) {
            return Optional.of(Route.PUBLIC_DOCUMENT);
        }
        if (path.equals("token") || path.equals("revoke")) {
            return Optional.of(Route.TOKEN);
        }
        if (path.equals("register")) {
            return Optional.of(Route.REGISTRATION);
        }
        if (path.startsWith("register/") && path.length() > "register/".length()
                && path.indexOf('/', "register/".length()) < 0) {
            return Optional.of(Route.CLIENT_CONFIGURATION);
        }
        return Optional.empty();
    }

    /** Whether a request is a CORS preflight. */
    public static boolean isPreflight(String method, String origin, String requestMethod) {
        return CorsPolicy.isPreflight(method, origin, requestMethod);
    }
}
