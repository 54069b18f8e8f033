package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

class ScopeTest {

    @Test
    void parseWhenSpaceDelimitedThenOrderedDistinctTokens() {
        Scope s = Scope.parse("mcp:read  notes:write mcp:read");
        assertThat(s.tokens()).containsExactly("mcp:read", "notes:write");
        assertThat(s).hasToString("mcp:read notes:write");
        assertThat(Scope.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void parseWhenTokenHasQuoteOrBackslashOrControlThenInvalidScope() {
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        for (String bad : List.of("a\"b", "a\\b", "a\u0000", "caf\u00e9", "a\tb")) {
            assertThatThrownBy(() -> Scope.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error().is(OAuthError.INVALID_SCOPE)).isTrue();
                        assertThat(e.error().description()).contains("Malformed scope");
                    });
        }
    }

    @Test
    void parseWhenLongerThanCapThenInvalidRequest() {
        // an oversize scope is refused, not truncated
        assertThatThrownBy(() -> Scope.parse("a ".repeat(60_000)))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.error().is(OAuthError.INVALID_REQUEST)).isTrue());
    }

    @Test
    void parseOptionalWhenEmptyThenAbsent() {
        // OAuth 2.1 §3.1: an empty parameter is treated as absent
        assertThat(Scope.parseOptional(java.util.Optional.of("  "))).isEmpty();
    }

    @Test
    void containsAllAndIntersectFollowTokens() {
        Scope granted = Scope.of("a", "b", "c");
        assertThat(granted.containsAll(Scope.of("c", "a"))).isTrue();
        assertThat(granted.containsAll(Scope.of("d"))).isFalse();
        assertThat(Scope.of("d", "b", "a").intersect(granted).tokens()).containsExactly("b", "a");
    }

    @Test
    void parseWhenTenThousandMutatedInputsThenOnlyOAuthException() {
        int accepted = Mutations.assertOnlyDocumentedFailures(
                Mutations.of(2, 10_000, List.of("mcp:read notes:write", "openid profile email")),
                Scope::parse, OAuthException.class);
        assertThat(accepted).isGreaterThan(1000);
    }
}
