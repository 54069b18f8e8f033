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
    void parseWhenAbsoluteUriThenKeptVerbatimButForTheCaseOfSchemeAndHost() {
        // RFC 8707 §2: compared as given: no other normalisation (port, trailing slash, path case, dot segments)
        ResourceIndicator r = ResourceIndicator.parse("https://rs.example.com:443/api/");
        assertThat(r.value()).isEqualTo("https://rs.example.com:443/api/");
        assertThat(r).isNotEqualTo(ResourceIndicator.parse("https://rs.example.com/api"));
        assertThat(ResourceIndicator.parse("https://rs.example.com/API/./x").value())
                .isEqualTo("https://rs.example.com/API/./x");
        // MCP canonical server URI (RFC 3986 §6.2.2.1): scheme and host in upper case are accepted, in lower case
        assertThat(ResourceIndicator.parse("HTTPS://MCP.Example.COM/Mcp").value()).isEqualTo("https://mcp.example.com/Mcp");
        assertThat(ResourceIndicator.parse("HTTP://127.0.0.1:9080/mcp?Q=A").value())
                .isEqualTo("http://127.0.0.1:9080/mcp?Q=A");
        assertThat(ResourceIndicator.parse("https://User:Pw@RS.Example.com:8443").value())
                .isEqualTo("https://User:Pw@rs.example.com:8443");
        assertThat(ResourceIndicator.parse("https://[FE80::1]:8443/a").value()).isEqualTo("https://[fe80::1]:8443/a");
        assertThat(ResourceIndicator.parse("URN:Example:RS").value()).isEqualTo("urn:Example:RS");
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
