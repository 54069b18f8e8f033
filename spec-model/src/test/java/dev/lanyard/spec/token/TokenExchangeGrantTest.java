package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.assertRejected;
import static dev.lanyard.spec.token.SpecExamples.form;
import static dev.lanyard.spec.token.SpecExamples.unfold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;

class TokenExchangeGrantTest {

    private static final String EXCHANGE = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange";
    private static final String JWT_TYPE = "urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt";
    private static final Set<String> CLIENT_ASSERTION = Set.of("client_assertion_type", "client_assertion");

    private static TokenExchangeGrant exchange(String extra) {
        return (TokenExchangeGrant) TokenRequest.parse(FormParameters.parse(EXCHANGE + extra));
    }

    @Test
    void specExampleRfc8693Section23() {
        FormParameters form = form(TokenExamples.RFC8693_2_3_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new TokenExchangeGrant(List.of(new ResourceIndicator(
                "https://backend.example.com/api")), List.of(), Optional.empty(), Optional.empty(),
                "accVkjcJyb4BWCxGsndESCJQbdFMogUC5PbRDqceLTC", TokenTypeUri.ACCESS_TOKEN, Optional.empty(),
                Optional.empty()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleRfc8693AppendixA11() {
        FormParameters form = form(TokenExamples.RFC8693_A_1_1_IMPERSONATION_REQUEST);
        TokenExchangeGrant parsed = (TokenExchangeGrant) TokenRequest.parse(form);
        assertThat(parsed.audiences()).containsExactly("urn:example:cooperation-context");
        assertThat(parsed.subjectToken()).startsWith("eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0.").endsWith("n5JzAw");
        assertThat(parsed.subjectTokenType()).isEqualTo(TokenTypeUri.JWT);
        assertThat(parsed.actorToken()).isEmpty();
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleRfc8693AppendixA21() {
        FormParameters form = form(TokenExamples.RFC8693_A_2_1_DELEGATION_REQUEST);
        TokenExchangeGrant parsed = (TokenExchangeGrant) TokenRequest.parse(form);
        assertThat(parsed.audiences()).containsExactly("urn:example:cooperation-context");
        assertThat(parsed.subjectTokenType()).isEqualTo(TokenTypeUri.JWT);
        assertThat(parsed.actorToken()).hasValueSatisfying(t -> assertThat(t).endsWith("jm3yBg"));
        assertThat(parsed.actorTokenType()).contains(TokenTypeUri.JWT);
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleIdJagSection431() {
        FormParameters form = form(TokenExamples.IDJAG_4_3_1_ID_TOKEN_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(TokenExchangeGrant.forIdJag("https://acme.chat.example/",
                List.of(new ResourceIndicator("https://api.chat.example/")),
                Optional.of(Scope.of("chat.read", "chat.history")), "eyJraWQiOiJzMTZ0cVNtODhwREo4VGZCXzdrSEtQ...",
                TokenTypeUri.ID_TOKEN));
        assertThat(ClientCredentialsInRequest.parse(form).clientAssertionType())
                .contains("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(parsed.toForm()).isEqualTo(form.without(CLIENT_ASSERTION));
    }

    @Test
    void specExampleIdJagSection432() {
        FormParameters form = form(TokenExamples.IDJAG_4_3_2_REFRESH_TOKEN_REQUEST);
        TokenExchangeGrant parsed = (TokenExchangeGrant) TokenRequest.parse(form);
        assertThat(parsed.requestedTokenType()).contains(TokenTypeUri.ID_JAG);
        assertThat(parsed.subjectToken()).isEqualTo("tGzv3JOkF0XG5Qx2TlKWIA");
        assertThat(parsed.subjectTokenType()).isEqualTo(TokenTypeUri.REFRESH_TOKEN);
        assertThat(parsed.toForm()).isEqualTo(form.without(CLIENT_ASSERTION));
    }

    @Test
    void specExampleIdJagSection4342ReadsAuthorizationDetails() {
        // ID-JAG §4.3, RFC 9396 §2: authorization_details, a JSON string holding an array of typed objects
        FormParameters form = form(TokenExamples.IDJAG_4_3_4_2_RAR_REQUEST);
        TokenExchangeGrant parsed = (TokenExchangeGrant) TokenRequest.parse(form);
        assertThat(parsed.audiences()).containsExactly("https://acme.chat.example/");
        assertThat(parsed.resources()).isEmpty();
        assertThat(parsed.authorizationDetails()).hasValueSatisfying(d -> {
            assertThat(d.types()).containsExactly("chat_read", "chat_history");
            assertThat(d.entries().get(0).locations()).containsExactly("https://api.chat.example/channels");
            assertThat(d.entries().get(1).datatypes()).containsExactly("message");
        });
        assertThat(parsed.toForm()).isEqualTo(form.without(Set.of("client_assertion_type", "client_assertion")));
    }

    @Test
    void parseWhenAuthorizationDetailsMalformedThenInvalidAuthorizationDetails() {
        // RFC 9396 §5: malformed authorization_details is invalid_authorization_details, not ignored
        for (String bad : List.of("%5B%7B%7D%5D", "%7B%22type%22%3A%22a%22%7D", "%5B%7B%22type%22%3A1%7D%5D",
                "not-json")) {
            assertRejected(() -> exchange("&audience=https%3A%2F%2Fras%2F&subject_token=t&subject_token_type="
                    + JWT_TYPE + "&authorization_details=" + bad), OAuthError.INVALID_AUTHORIZATION_DETAILS,
                    "authorization_details");
        }
        assertInvalidRequest(() -> exchange("&subject_token=t&subject_token_type=" + JWT_TYPE
                + "&authorization_details=%5B%5D&authorization_details=%5B%5D"), "authorization_details");
    }

    @Test
    void specExampleIdJagAppendixA425() {
        FormParameters form = form(TokenExamples.IDJAG_A_4_2_5_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(TokenExchangeGrant.forIdJag("https://authorization-server.saas-tool.example/",
                List.of(new ResourceIndicator("https://api.saas-tool.example/")),
                Optional.of(Scope.of("agent.read", "agent.write")), "eyJraWQiOiJzMTZ0cVNtODhwREo4VGZCXzdrSEtQ...",
                TokenTypeUri.ID_TOKEN));
        assertThat(parsed.toForm()).isEqualTo(form.without(CLIENT_ASSERTION));
    }

    @Test
    void parseWhenSubjectTokenTypeMissingThenInvalidRequest() {
        // A-085, RFC 8693 §2.1: subject_token_type REQUIRED
        assertInvalidRequest(() -> exchange("&subject_token=abc"), "subject_token_type");
    }

    @Test
    void parseWhenSubjectTokenMissingThenInvalidRequest() {
        // A-085, RFC 8693 §2.1: subject_token REQUIRED (also without subject_token_type)
        assertInvalidRequest(() -> exchange("&subject_token_type=" + JWT_TYPE), "subject_token");
        assertInvalidRequest(() -> exchange("&audience=x"), "subject_token");
    }

    @Test
    void parseWhenActorTokenWithoutTypeThenInvalidRequest() {
        // RFC 8693 §2.1: actor_token_type REQUIRED when actor_token is present
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token_type=" + JWT_TYPE + "&actor_token=a"),
                "actor_token_type");
    }

    @Test
    void parseWhenActorTokenTypeWithoutActorTokenThenInvalidRequest() {
        // RFC 8693 §2.1: actor_token_type MUST NOT be included otherwise
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token_type=" + JWT_TYPE
                + "&actor_token_type=" + JWT_TYPE), "actor_token_type");
    }

    @Test
    void parseWhenSubjectOrActorTokenOversizeThenInvalidRequest() {
        // A-084, INP-03: a token above the cap is refused, never treated as another grant
        String big = "t".repeat(TokenRequest.MAX_ASSERTION_LENGTH + 1);
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("urn:ietf:params:oauth:grant-type:token-exchange"),
                "subject_token", List.of(big), "subject_token_type", List.of(TokenTypeUri.JWT.value())))),
                "subject_token");
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("urn:ietf:params:oauth:grant-type:token-exchange"),
                "subject_token", List.of("s"), "subject_token_type", List.of(TokenTypeUri.JWT.value()),
                "actor_token", List.of(big), "actor_token_type", List.of(TokenTypeUri.JWT.value())))),
                "actor_token");
    }

    @Test
    void parseWhenTokenTypeNotAbsoluteUriThenInvalidRequest() {
        // RFC 8693 §3: token type identifiers are URIs
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token_type=access_token"),
                "subject_token_type");
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token_type=" + JWT_TYPE
                + "&requested_token_type=jwt"), "requested_token_type");
    }

    @Test
    void parseWhenSubjectTokenRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token=t&subject_token_type=" + JWT_TYPE),
                "subject_token");
    }

    @Test
    void parseWhenResourceRelativeOrWithFragmentThenInvalidTarget() {
        // A-088, RFC 8707 §2, RFC 8693 §2.1
        for (String bad : List.of("%2Frelative", "https%3A%2F%2Frs.example.test%2Fapi%23frag")) {
            assertRejected(() -> exchange("&subject_token=s&subject_token_type=" + JWT_TYPE + "&resource=" + bad),
                    OAuthError.INVALID_TARGET, "resource");
        }
    }

    @Test
    void parseWhenAudienceRepeatedThenEveryValue() {
        // RFC 8693 §2.1: audience may appear more than once
        assertThat(exchange("&subject_token=s&subject_token_type=" + JWT_TYPE + "&audience=a&audience=b")
                .audiences()).containsExactly("a", "b");
    }

    @Test
    void parseWhenAudienceOversizeThenInvalidRequest() {
        assertInvalidRequest(() -> exchange("&subject_token=s&subject_token_type=" + JWT_TYPE + "&audience="
                + "a".repeat(2049)), "audience");
    }

    @Test
    void parseWhenIdJagRequestedWithoutAudienceThenInvalidRequest() {
        // ID-JAG -03 §4.3: audience REQUIRED
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(unfold("""
                grant_type=urn:ietf:params:oauth:grant-type:token-exchange
                &requested_token_type=urn:ietf:params:oauth:token-type:id-jag
                &resource=https://api.chat.example/
                &subject_token=eyJ...
                &subject_token_type=urn:ietf:params:oauth:token-type:id_token"""))), "audience");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        TokenExchangeGrant g = new TokenExchangeGrant(List.of(new ResourceIndicator("https://rs.example.test/api")),
                List.of("https://as.example.test", "urn:example:other"), Optional.of(Scope.of("items:read")),
                Optional.of(TokenTypeUri.ACCESS_TOKEN), "subject", TokenTypeUri.ACCESS_TOKEN, Optional.of("actor"),
                Optional.of(TokenTypeUri.JWT));
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
    }

    @Test
    void constructorWhenRulesBrokenThenIllegalArgument() {
        assertThatThrownBy(() -> new TokenExchangeGrant(List.of(), List.of(), Optional.empty(), Optional.empty(), "s",
                TokenTypeUri.JWT, Optional.of("a"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExchangeGrant(List.of(), List.of(), Optional.empty(),
                Optional.of(TokenTypeUri.ID_JAG), "s", TokenTypeUri.ID_TOKEN, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExchangeGrant(List.of(), List.of(), Optional.empty(), Optional.empty(), "s",
                new TokenTypeUri("jwt"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesTokens() {
        String s = new TokenExchangeGrant(List.of(), List.of(), Optional.empty(), Optional.empty(), "subject-secret",
                TokenTypeUri.JWT, Optional.of("actor-secret"), Optional.of(TokenTypeUri.JWT)).toString();
        assertThat(s).doesNotContain("subject-secret").doesNotContain("actor-secret");
    }
}
