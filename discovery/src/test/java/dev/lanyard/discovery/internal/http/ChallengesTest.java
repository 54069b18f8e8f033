package dev.lanyard.discovery.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.discovery.internal.http.Challenges.Challenge;

class ChallengesTest {

    // RFC 9110 §11.6.1: several challenges in one field, separated by the commas that also separate auth-params
    @Test
    void splitWhenSeveralChallengesInOneFieldThenEachKept() {
        List<Challenge> challenges = Challenges.split(List.of(
                "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\""));
        assertThat(challenges).containsExactly(
                new Challenge("Newauth", "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\""),
                new Challenge("Basic", "Basic realm=\"simple\""));
    }

    // RFC 9728 §5.1 with a DPoP challenge first (RFC 9449 §7.1) and commas inside a quoted scope
    @Test
    void splitWhenDpopThenBearerThenBearerFoundWithAllItsParams() {
        List<String> fields = List.of("DPoP algs=\"ES256 PS256\", resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"",
                "bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", "
                        + "scope=\"files:read, files:write\"");
        assertThat(Challenges.split(fields)).extracting(Challenge::scheme).containsExactly("DPoP", "bearer");
        assertThat(Challenges.find(fields, "Bearer")).get().extracting(Challenge::text).isEqualTo(
                "bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", "
                        + "scope=\"files:read, files:write\"");
    }

    @Test
    void splitWhenToken68AndBareSchemesThenRecognised() {
        assertThat(Challenges.split(List.of("Basic YWxhZGRpbjpvcGVuc2VzYW1l==, Bearer, Negotiate")))
                .containsExactly(new Challenge("Basic", "Basic YWxhZGRpbjpvcGVuc2VzYW1l=="),
                        new Challenge("Bearer", "Bearer"), new Challenge("Negotiate", "Negotiate"));
    }

    // a malformed header never throws; a client then falls back to well-known discovery
    @Test
    void splitWhenMalformedThenNoExceptionAndUsablePartsKept() {
        assertThat(Challenges.split(List.of(",,, =x, \"unterminated, Bearer realm=\"a\""))).isNotNull();
        assertThat(Challenges.split(List.of("", "   ", "=", "@@@ realm=x"))).isEmpty();
        assertThat(Challenges.find(List.of("x".repeat(10_000)), "Bearer")).isEmpty();
        assertThat(Challenges.split(List.of("(bad), Bearer scope=\"a\""))).extracting(Challenge::text)
                .containsExactly("Bearer scope=\"a\"");
    }
}
