package dev.lanyard.spec.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.testing.Mutations;

/** Every parser of the package, fed 10,000 random and mutated inputs: it accepts or fails as documented. */
class AuthzPropertyTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static final List<String> REQUESTS = List.of(
            "response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb",
            "response_type=code&client_id=s6BhdRkqt3&state=xyz&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb"
                    + "&code_challenge=6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY&code_challenge_method=S256",
            "response_type=code&client_id=s6BhdRkqt3&state=tNwzQ87pC6llebpmac_IDeeq-mCR2wLDYljHUZUAWuI"
                    + "&redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb&scope=calendar%20contacts"
                    + "&resource=https%3A%2F%2Fcal.example.com%2F&resource=https%3A%2F%2Fcontacts.example.com%2F",
            "response_type=code&client_id=https%3A%2F%2Fclient.example%2Fmcp.json&scope=mcp%3Atools&nonce=n"
                    + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256&prompt=consent&foo=bar",
            "client_id=pub1&redirect_uri=http%3A%2F%2F127.0.0.1%3A51004%2Fcb&response_type=code&state=");

    private static final List<String> CALLBACKS = List.of(
            "https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz",
            "https://client.example.com/cb?error=access_denied&state=xyz",
            "https://client.example/cb?code=x1848ZT64p4IirMPT0R-X3141MFPTuBX-VFL_cvaplMH58"
                    + "&state=ZWVlNDBlYzA1NjdkMDNhYjg3ZjUxZjAyNGQzMTM2NzI&iss=https%3A%2F%2Fhonest.as.example",
            "https://conf.example.test/cb?tenant=1&error=invalid_request&error_description=Missing+code"
                    + "&error_uri=https%3A%2F%2Fas.example.test%2Fe&iss=https%3A%2F%2Fas.example.test",
            "http://127.0.0.1:51004/cb?code=a%2Bb&state=x+y");

    private static final List<String> REDIRECT_URIS = List.of(
            "https://app.example.test/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb?x=1", "http://localhost/cb",
            "https://conf.example.test/cb?tenant=1", "com.example.app:/oauth2redirect/example-provider",
            "http://127.0.0.1:51004/cb", "http://[::1]:61023/cb", "javascript:alert(1)", "myapp:/cb");

    @Test
    void codeVerifierParseWhenMutatedThenOnlyInvalidRequest() {
        List<String> inputs = Mutations.of(7636_1L, 10_000, List.of(VERIFIER, "a".repeat(43), "~".repeat(128)));
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, CodeVerifier::parse, OAuthException.class);
        assertThat(accepted).isGreaterThan(200);
    }

    @Test
    void codeChallengeParseWhenMutatedThenOnlyInvalidRequest() {
        List<String> inputs = Mutations.of(7636_2L, 10_000,
                List.of(CHALLENGE, "6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY"));
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            CodeChallenge c = CodeChallenge.parse(s);
            assertThat(c.matches(new CodeVerifier(VERIFIER))).isEqualTo(s.equals(CHALLENGE));
        }, OAuthException.class);
        assertThat(accepted).isGreaterThan(200);
    }

    @Test
    void codeChallengeMethodParseWhenMutatedThenOnlyInvalidRequest() {
        List<String> inputs = Mutations.of(7636_3L, 10_000, List.of("S256", "plain"));
        Mutations.assertOnlyDocumentedFailures(inputs, s -> assertThat(CodeChallengeMethod.parse(s).value())
                .isEqualTo("S256"), OAuthException.class);
    }

    @Test
    void authorizationRequestFrontWhenMutatedThenOnlyOAuthException() {
        List<String> inputs = Mutations.of(6749_1L, 10_000, REQUESTS);
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs,
                s -> AuthorizationRequest.front(FormParameters.parse(s)), OAuthException.class);
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void authorizationRequestParseWhenMutatedThenOnlyOAuthExceptionAndRoundTrips() {
        List<String> inputs = Mutations.of(6749_2L, 10_000, REQUESTS);
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            AuthorizationRequest r = AuthorizationRequest.parse(FormParameters.parse(s));
            assertThat(AuthorizationRequest.parse(FormParameters.parse(r.toQuery()))).isEqualTo(r);
        }, OAuthException.class);
        assertThat(accepted).isGreaterThan(500);
    }

    @Test
    void authorizationResponseParseWhenMutatedQueryThenOnlyOAuthExceptionAndRoundTrips() {
        List<String> queries = CALLBACKS.stream().map(c -> c.substring(c.indexOf('?') + 1)).toList();
        List<String> inputs = Mutations.of(9207_1L, 10_000, queries);
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            AuthorizationResponse r = AuthorizationResponse.parse(FormParameters.parse(s));
            assertThat(AuthorizationResponse.parse(URI.create(r.toRedirectUri("https://c.example/cb")))).isEqualTo(r);
        }, OAuthException.class);
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void authorizationResponseParseWhenMutatedUriThenOnlyOAuthException() {
        List<String> inputs = Mutations.of(9207_2L, 10_000, CALLBACKS).stream().filter(AuthzPropertyTest::isUri)
                .toList();
        assertThat(inputs).hasSizeGreaterThan(2_000);
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs,
                s -> AuthorizationResponse.parse(URI.create(s)), OAuthException.class);
        assertThat(accepted).isGreaterThan(500);
    }

    @Test
    void redirectUriMatchesWhenMutatedThenNeverThrowsAndLoopbackOnlyFreesThePort() {
        List<RedirectUri> registered = REDIRECT_URIS.stream().map(RedirectUri::parse)
                .flatMap(p -> p.toOptional().stream()).toList();
        assertThat(registered).hasSize(8);
        List<String> inputs = Mutations.of(8252_1L, 10_000, REDIRECT_URIS);
        int[] matched = {0};
        Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            for (RedirectUri r : registered) {
                if (r.matches(s)) {
                    matched[0]++;
                    // only a loopback registration matches anything but itself, and then only by its port
                    assertThat(r.isLoopback() || s.equals(r.value())).isTrue();
                    assertThat(s.replaceFirst("^(http://[^/?:]+|http://\\[::1\\]):[0-9]+", "$1"))
                            .isEqualTo(r.value().replaceFirst("^(http://[^/?:]+|http://\\[::1\\]):[0-9]+", "$1"));
                }
            }
        });
        assertThat(matched[0]).isGreaterThan(50);
    }

    @Test
    void redirectUriValidateForRegistrationWhenMutatedThenNeverThrows() {
        List<String> inputs = Mutations.of(8252_2L, 10_000, REDIRECT_URIS);
        int[] valid = {0};
        Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            if (RedirectUri.validateForRegistration(s).isEmpty()) {
                valid[0]++;
                assertThat(new RedirectUri(s).matches(s)).isTrue();
                assertThat(RedirectUri.parse(s).isValid()).isTrue();
            } else {
                assertThat(RedirectUri.parse(s).isValid()).isFalse();
            }
        });
        assertThat(valid[0]).isGreaterThan(500);
    }

    private static boolean isUri(String s) {
        try {
            new URI(s);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
