package dev.lanyard.discovery.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceMatcherTest {

    // RFC 9728 §3.3 and §6: identical, code point by code point, no normalisation
    @ParameterizedTest
    @CsvSource({
        "https://h/mcp, https://h/mcp, true",
        "https://h/mcp/, https://h/mcp, false",
        "https://h, https://h/mcp, false",
        "https://H/mcp, https://h/mcp, false",
        "https://h:443/mcp, https://h/mcp, false",
        "https://evil/mcp, https://h/mcp, false",
        "https://h/, https://h, false",
        "https://h/mcp, https://h/mcp?x=1, false"})
    void matchesWhenExactThenIdenticalOnly(String resource, String requested, boolean expected) {
        assertThat(ResourceMatcher.matches(resource, URI.create(requested), ResourceMatch.EXACT)).isEqualTo(expected);
    }

    // opt-in 9728bis-style relaxation: same origin, parent path on a segment boundary
    @ParameterizedTest
    @CsvSource({
        "https://h, https://h/mcp, true",
        "https://h/, https://h/mcp, true",
        "https://h/api, https://h/api/mcp, true",
        "https://h/api/, https://h/api/mcp, true",
        "https://h/ap, https://h/api/mcp, false",
        "https://h/api/mcp/x, https://h/api/mcp, false",
        "http://h, https://h/mcp, false",
        "https://h:8443, https://h/mcp, false",
        "https://other, https://h/mcp, false",
        "https://h?tenant=a, https://h/mcp, false",
        "https://h#f, https://h/mcp, false",
        "not a uri, https://h/mcp, false",
        "/mcp, https://h/mcp, false"})
    void matchesWhenSameOriginPathPrefixThenParentPathsOnSameOrigin(String resource, String requested,
            boolean expected) {
        assertThat(ResourceMatcher.matches(resource, URI.create(requested), ResourceMatch.SAME_ORIGIN_PATH_PREFIX))
                .isEqualTo(expected);
    }
}
