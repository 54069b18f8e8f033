package dev.lanyard.spec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

class ResourceIndicatorTest {

    @Test
    void parseWhenAbsoluteUriThenKeptVerbatim() {
        // RFC 8707 §2: compared as given; no normalisation
        ResourceIndicator r = ResourceIndicator.parse("https://RS.example.com:443/api/");
        assertThat(r.value()).isEqualTo("https://RS.example.com:443/api/");
        assertThat(r).isNotEqualTo(ResourceIndicator.parse("https://rs.example.com/api"));
    }

    @Test
    void parseWhenRelativeOrFragmentThenInvalidTarget() {
        // RFC 8707 §2: MUST be an absolute URI, MUST NOT include a fragment (A-088)
        for (String bad : List.of("/relative", "rs.example.com/api", "https://rs.example.test/api#frag", "https://rs/a#",
                "https://a b", "")) {
            assertThatThrownBy(() -> ResourceIndicator.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(OAuthException.class, e -> {
                        assertThat(e.error().is(OAuthError.INVALID_TARGET)).isTrue();
                        assertThat(e.error().description().orElseThrow()).startsWith("The resource");
                        assertThat(e.rule().orElseThrow().toString()).isEqualTo("RFC 8707 §2");
                    });
        }
    }

    @Test
    void parseWhenTenThousandMutatedInputsThenOnlyOAuthException() {
        int accepted = Mutations.assertOnlyDocumentedFailures(
                Mutations.of(4, 10_000, List.of("https://mcp.example.com/mcp", "urn:example:rs")),
                ResourceIndicator::parse, OAuthException.class);
        assertThat(accepted).isGreaterThan(1000);
    }
}
