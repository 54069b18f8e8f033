package dev.lanyard.discovery.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.testing.Fuzz;

class HttpPropertyTest {

    private static final List<String> SEEDS = List.of(
            "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", scope=\"a b\"",
            "DPoP algs=\"ES256\", Bearer realm=\"mcp\", error=\"invalid_token\"",
            "Basic realm=\"x\", Bearer",
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"");

    // Header parsers: malformed WWW-Authenticate values never throw; a client falls back to well-known discovery.
    @Test
    void splitWhenTenThousandMutatedHeadersThenNeverThrowsAndOftenFindsBearer() {
        List<String> inputs = Fuzz.of(9728L, 10_000, SEEDS);
        int bearer = 0;
        for (String input : inputs) {
            assertThatCode(() -> Challenges.split(List.of(input))).as(input).doesNotThrowAnyException();
            for (Challenges.Challenge c : Challenges.split(List.of(input, input))) {
                assertThat(c.text()).startsWith(c.scheme());
            }
            if (Challenges.find(List.of(input), "Bearer").isPresent()) {
                bearer++;
            }
        }
        assertThat(bearer).isGreaterThan(3_000);
    }
}
