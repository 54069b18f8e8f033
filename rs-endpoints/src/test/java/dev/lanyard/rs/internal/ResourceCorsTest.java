package dev.lanyard.rs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.publish.CorsPolicy;

/** CORS of the protected resource (Fetch standard): exact headers for allowed and disallowed origins. */
class ResourceCorsTest {

    static final ResourceCors INSPECTOR = new ResourceCors(CorsPolicy.of(List.of("http://localhost:6274",
            "http://127.0.0.1:6274")));

    @Test
    void aPreflightFromAnAllowedOriginNamesTheStreamableHttpMethodsAndHeaders() {
        assertThat(INSPECTOR.preflight("http://localhost:6274")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "http://localhost:6274"),
                Map.entry("Access-Control-Allow-Methods", "GET, POST, DELETE"),
                Map.entry("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID"),
                Map.entry("Access-Control-Max-Age", "600"),
                Map.entry("Vary", "Origin"));
    }

    @Test
    void answersAndChallengesExposeTheChallengeAndTheSessionId() {
        assertThat(INSPECTOR.actual("http://127.0.0.1:6274")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "http://127.0.0.1:6274"),
                Map.entry("Access-Control-Expose-Headers", "WWW-Authenticate, Mcp-Session-Id"),
                Map.entry("Vary", "Origin"));
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeader() {
        assertThat(INSPECTOR.actual("http://evil.test")).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(INSPECTOR.preflight("http://evil.test")).containsExactly(Map.entry("Vary", "Origin"));
        // the default: no origin, and nothing varies
        ResourceCors none = new ResourceCors(CorsPolicy.none());
        assertThat(none.actual("http://localhost:6274")).isEmpty();
        assertThat(none.preflight("http://localhost:6274")).isEmpty();
    }

    @Test
    void onlyOptionsWithOriginAndRequestMethodIsAPreflight() {
        assertThat(ResourceCors.isPreflight("OPTIONS", "http://localhost:6274", "POST")).isTrue();
        assertThat(ResourceCors.isPreflight("OPTIONS", null, "POST")).isFalse();
        assertThat(ResourceCors.isPreflight("POST", "http://localhost:6274", "POST")).isFalse();
    }
}
