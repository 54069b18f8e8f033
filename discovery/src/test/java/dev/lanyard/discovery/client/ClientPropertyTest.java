package dev.lanyard.discovery.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.testing.Fuzz;

class ClientPropertyTest {

    private static final URI REQUESTED = URI.create("https://h/api/mcp");

    // RFC 9728 §3.3: whatever a server publishes as "resource", the comparison answers and never throws; exact mode
    // accepts only the identical string, and the relaxed mode only same-origin parents.
    @Test
    void matchesWhenTenThousandMutatedResourcesThenNeverThrowsAndExactOnlyForIdentical() {
        List<String> inputs = Fuzz.of(33L, 10_000, List.of("https://h/api/mcp", "https://h", "https://h/api",
                "https://h/api/", "https://H/api/mcp", "https://h:443/api/mcp", "https://evil/api/mcp"));
        int relaxed = 0;
        for (String resource : inputs) {
            assertThatCode(() -> ResourceMatcher.matches(resource, REQUESTED, ResourceMatch.SAME_ORIGIN_PATH_PREFIX))
                    .as(resource).doesNotThrowAnyException();
            assertThat(ResourceMatcher.matches(resource, REQUESTED, ResourceMatch.EXACT))
                    .as(resource).isEqualTo(resource.equals(REQUESTED.toString()));
            if (ResourceMatcher.matches(resource, REQUESTED, ResourceMatch.SAME_ORIGIN_PATH_PREFIX)) {
                relaxed++;
                assertThat(resource).as(resource).startsWith("https://h");
            }
        }
        assertThat(relaxed).isGreaterThan(100);
    }

    // values from documents quoted in messages: bounded, no control characters, never throws
    @Test
    void quoteWhenTenThousandMutatedValuesThenBoundedAndPrintable() {
        for (String value : Fuzz.of(8414L, 10_000, List.of("https://as.example.test/", "\r\nSet-Cookie: x", "é😀"))) {
            String quoted = DocumentReader.quote(value);
            assertThat(quoted).doesNotContain("\r", "\n", "\u0000");
            assertThat(quoted.codePointCount(0, quoted.length())).isLessThanOrEqualTo(200 * 6 + 3);
        }
    }
}
