package dev.lanyard.spec.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.error.Parsed;
import dev.lanyard.spec.testing.Mutations;

/**
 * Every parser of the package on 10,000 random and mutated inputs: request parsers fail only with
 * {@link OAuthException}, document parsers never throw, and whatever is accepted reads back equal from its own output.
 */
class TokenPropertyTest {

    private static final int COUNT = 10_000;
    private static final String DETAILS = "[{\"type\":\"payment_initiation\",\"actions\":[\"initiate\"],"
            + "\"locations\":[\"https://rs/\"],\"instructedAmount\":{\"currency\":\"EUR\",\"amount\":\"1.5\"}}]";

    private static List<String> requestSeeds() {
        List<String> seeds = new ArrayList<>();
        TokenExamples.TOKEN_REQUESTS.forEach(e -> seeds.add(SpecExamples.body(e)));
        for (TokenRequest r : List.of(
                new AuthorizationCodeGrant("c", Optional.of("https://a/cb"),
                        Optional.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), Optional.of("client"),
                        List.of(new ResourceIndicator("https://rs/"))),
                new ClientCredentialsGrant(Optional.of(Scope.of("a", "b")), List.of()),
                new TokenExchangeGrant(List.of(), List.of("aud"), Optional.empty(), Optional.of(TokenTypeUri.JWT), "s",
                        TokenTypeUri.ID_TOKEN, Optional.of("a"), Optional.of(TokenTypeUri.JWT)),
                TokenExchangeGrant.forIdJag("https://ras/", List.of(new ResourceIndicator("https://rs/")),
                        Optional.of(Scope.of("a")), Optional.of(AuthorizationDetails.parse(DETAILS)), "s",
                        TokenTypeUri.ID_TOKEN),
                new JwtBearerGrant("a.b.c", Optional.empty(), List.of(),
                        Optional.of(AuthorizationDetails.parse(DETAILS))))) {
            seeds.add(r.toForm().toUrlEncoded());
        }
        return seeds;
    }

    private static List<String> responseSeeds() {
        List<String> seeds = new ArrayList<>();
        TokenExamples.TOKEN_RESPONSES.forEach(e -> seeds.add(SpecExamples.body(e)));
        seeds.add(SpecExamples.body(TokenExamples.RFC6749_5_2_ERROR_RESPONSE));
        seeds.add(SpecExamples.body(TokenExamples.IDJAG_4_3_4_3_ERROR_RESPONSE));
        return seeds;
    }

    @Test
    void tokenRequestParseThrowsOnlyOAuthExceptionAndReadsBackItsOwnForm() {
        List<String> inputs = Mutations.of(8693, COUNT, requestSeeds());
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            TokenRequest r = TokenRequest.parse(FormParameters.parse(s));
            assertThat(TokenRequest.parse(r.toForm())).isEqualTo(r);
        }, OAuthException.class);
        assertThat(accepted).isGreaterThan(COUNT / 10);
    }

    @Test
    void clientCredentialsInRequestParseThrowsOnlyOAuthException() {
        List<String> inputs = Mutations.of(7521, COUNT, requestSeeds());
        int accepted = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            ClientCredentialsInRequest c = ClientCredentialsInRequest.parse(FormParameters.parse(s));
            assertThat(ClientCredentialsInRequest.parse(c.toForm())).isEqualTo(c);
        }, OAuthException.class);
        assertThat(accepted).isGreaterThan(COUNT / 10);
    }

    @Test
    void revocationAndIntrospectionRequestParseThrowOnlyOAuthException() {
        List<String> seeds = List.of(SpecExamples.body(TokenExamples.RFC7009_2_1_REQUEST),
                SpecExamples.body(TokenExamples.RFC7662_2_1_BASIC_REQUEST),
                SpecExamples.body(TokenExamples.RFC7662_2_1_BEARER_REQUEST));
        List<String> inputs = Mutations.of(7009, COUNT, seeds);
        int revocations = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            RevocationRequest r = RevocationRequest.parse(FormParameters.parse(s));
            assertThat(RevocationRequest.parse(r.toForm())).isEqualTo(r);
        }, OAuthException.class);
        int introspections = Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            IntrospectionRequest r = IntrospectionRequest.parse(FormParameters.parse(s));
            assertThat(IntrospectionRequest.parse(r.toForm())).isEqualTo(r);
        }, OAuthException.class);
        assertThat(revocations).isGreaterThan(COUNT / 10);
        assertThat(introspections).isEqualTo(revocations);
    }

    @Test
    void tokenResponseParseNeverThrowsAndReadsBackItsOwnJson() {
        List<String> inputs = Mutations.of(6749, COUNT, responseSeeds());
        int[] valid = new int[1];
        Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            for (int status : new int[] {200, 400}) {
                Parsed<TokenResponse> p = TokenResponse.parse(status, s);
                if (p.isValid()) {
                    valid[0]++;
                    TokenResponse r = p.orElseThrow();
                    assertThat(TokenResponse.parse(r.httpStatus(), r.toJson()).orElseThrow()).isEqualTo(r);
                }
            }
        });
        assertThat(valid[0]).isGreaterThan(COUNT / 20);
    }

    @Test
    void introspectionResponseParseNeverThrowsAndReadsBackItsOwnJson() {
        List<String> seeds = List.of(SpecExamples.body(TokenExamples.RFC7662_2_2_ACTIVE_RESPONSE),
                SpecExamples.body(TokenExamples.RFC7662_2_2_INACTIVE_RESPONSE));
        List<String> inputs = Mutations.of(7662, COUNT, seeds);
        int[] valid = new int[1];
        Mutations.assertOnlyDocumentedFailures(inputs, s -> {
            Parsed<IntrospectionResponse> p = IntrospectionResponse.parse(s);
            if (p.isValid()) {
                valid[0]++;
                IntrospectionResponse r = p.orElseThrow();
                assertThat(IntrospectionResponse.parse(r.toJson()).orElseThrow()).isEqualTo(r);
            }
        });
        assertThat(valid[0]).isGreaterThan(COUNT / 20);
    }
}
