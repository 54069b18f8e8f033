package dev.lanyard.spec.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

class BearerPropertyTest {

    private static final List<String> CHALLENGES = List.of(
            "Bearer realm=\"example\"",
            "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"",
            "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\", "
                    + "scope=\"files:read\"",
            "Bearer error=\"insufficient_scope\", scope=\"files:write\", "
                    + "resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\"",
            "Basic realm=\"simple\", Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\"",
            "Negotiate a87421000492aa874209af8bc028==, Bearer realm = x ,, error_uri=\"https://a/b\"",
            "DPoP algs=\"ES256 PS256\", resource_metadata=\"https://rs/.well-known/oauth-protected-resource\"");

    private static final List<String> AUTHORIZATIONS = List.of("Bearer mF_9.B5f-4.1JqM", "bearer abc==",
            "Basic dXNlcjpwYXNz", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "DPoP abc", "BEARER  a/b+c~d");

    @Test
    void challengeParseAllThrowsOnlyOAuthException() {
        List<String> inputs = Mutations.of(6750L, 10_000, CHALLENGES);
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, Challenge::parseAll, OAuthException.class);
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void bearerChallengeParseThrowsOnlyOAuthExceptionAndAcceptedValuesRoundTrip() {
        List<String> inputs = Mutations.of(9728L, 10_000, CHALLENGES);
        int[] bearer = {0};
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> BearerChallenge.parse(s)
                .filter(c -> !c.equals(BearerChallenge.builder().build()))
                .ifPresent(c -> {
                    bearer[0]++;
                    assertThat(BearerChallenge.parse(c.toHeaderValue())).contains(c);
                }), OAuthException.class);
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(bearer[0]).isGreaterThan(500);
    }

    @Test
    void fromAuthorizationHeaderThrowsOnlyOAuthException() {
        List<String> inputs = Mutations.of(6749L, 10_000, AUTHORIZATIONS);
        int[] tokens = {0};
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs,
                s -> BearerToken.fromAuthorizationHeader(s).ifPresent(t -> {
                    tokens[0]++;
                    assertThat(BearerToken.isToken68(t)).isTrue();
                }), OAuthException.class);
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(tokens[0]).isGreaterThan(500);
    }

    @Test
    void renderedChallengesParseBackEqual() {
        Random r = new Random(9110L);
        for (int i = 0; i < 10_000; i++) {
            BearerChallenge c = randomChallenge(r);
            String header = c.toHeaderValue();
            assertThat(header).doesNotContain("\r", "\n");
            assertThat(BearerChallenge.parse(header)).as(header).contains(c);
            assertThat(BearerChallenge.parse("Basic realm=\"x\", " + header + ", Other abc=")).as(header).contains(c);
        }
    }

    private static BearerChallenge randomChallenge(Random r) {
        BearerChallengeBuilder b = BearerChallenge.builder();
        boolean any = false;
        if (r.nextBoolean()) {
            b.realm(text(r, 0x09, 0xFF));
            any = true;
        }
        if (r.nextBoolean()) {
            b.error(errorText(r, 1));
            any = true;
        }
        if (r.nextBoolean()) {
            b.errorDescription(errorText(r, 0));
            any = true;
        }
        if (r.nextInt(4) == 0) {
            b.errorUri(URI.create("https://as.example/e/" + r.nextInt(1000) + "?q=" + r.nextInt(10) + "#f"));
            any = true;
        }
        if (r.nextBoolean()) {
            List<String> tokens = new ArrayList<>();
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                tokens.add(scopeToken(r));
            }
            b.scope(Scope.of(tokens));
            any = true;
        }
        if (r.nextBoolean()) {
            b.resourceMetadata(URI.create("https://rs" + r.nextInt(100) + ".example/.well-known/x" + r.nextInt(9)));
            any = true;
        }
        for (int k = 0, n = r.nextInt(3); k < n; k++) {
            b.param("x" + k + "_" + Integer.toString(r.nextInt(1000), 36), text(r, 0x09, 0xFF));
            any = true;
        }
        if (!any) {
            b.realm("r");
        }
        return b.build();
    }

    /** Quotable text: HTAB, SP, VCHAR, obs-text; quotes and backslashes included. */
    private static String text(Random r, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = r.nextInt(12); i < n; i++) {
            char c = (char) (min + r.nextInt(max - min + 1));
            s.append(HttpSyntax.isQuotable(c) ? c : '"');
        }
        return s.toString();
    }

    /** {@code %x20-21 / %x23-5B / %x5D-7E}, at least {@code min} characters. */
    private static String errorText(Random r, int min) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = min + r.nextInt(12); i < n; i++) {
            char c = (char) (0x20 + r.nextInt(0x5F));
            s.append(c == '"' || c == '\\' ? '_' : c);
        }
        return s.toString();
    }

    private static String scopeToken(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            char c = (char) (0x21 + r.nextInt(0x5E));
            s.append(c == '"' || c == '\\' ? ':' : c);
        }
        return s.toString();
    }
}
