package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.AuthorizationDetail;
import dev.lanyard.spec.core.AuthorizationDetails;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;

class JwtBearerGrantTest {

    @Test
    void specExampleRfc7523Section21() {
        FormParameters form = form(TokenExamples.RFC7523_2_1_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new JwtBearerGrant("eyJhbGciOiJFUzI1NiIsImtpZCI6IjE2In0."
                + "eyJpc3Mi[...omitted for brevity...].J9l-ZhwP[...omitted for brevity...]", Optional.empty(),
                List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleIdJagSection4342AccessTokenRequest() {
        FormParameters form = form(TokenExamples.IDJAG_4_3_4_2_RAR_ACCESS_TOKEN_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new JwtBearerGrant("eyJhbGciOiJIUzI1NiIsI...", Optional.empty(), List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenAuthorizationDetailsThenReadAndWrittenBack() {
        // RFC 9396 §6: a token request may name the authorization details wanted from the grant
        FormParameters form = FormParameters.builder().add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .add("assertion", "a.b.c").add("authorization_details", "[{\"type\":\"chat_read\"}]").build();
        JwtBearerGrant parsed = (JwtBearerGrant) TokenRequest.parse(form);
        assertThat(parsed.authorizationDetails()).contains(
                AuthorizationDetails.of(AuthorizationDetail.ofType("chat_read")));
        assertThat(parsed.toForm()).isEqualTo(form);
        FormParameters bad = FormParameters.builder().add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .add("assertion", "a.b.c").add("authorization_details", "[{\"actions\":[]}]").build();
        SpecExamples.assertRejected(() -> TokenRequest.parse(bad), OAuthError.INVALID_AUTHORIZATION_DETAILS,
                "authorization_details");
    }

    @Test
    void specExampleIdJagAppendixA426Request() {
        FormParameters form = form(TokenExamples.IDJAG_A_4_2_6_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new JwtBearerGrant("eyJhbGciOiJIUzI1NiIsI...", Optional.empty(), List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleIdJagSection44IsNotRepairedWhenTheSeparatorIsMissing() {
        // ID-JAG -03 §4.4 prints "assertion=" on a new line without "&": read as written, grant_type is one long
        // (absolute URI) value, so this is not a JWT bearer request; the parser does not guess
        TokenRequest parsed = TokenRequest.parse(form(TokenExamples.IDJAG_4_4_REQUEST));
        assertThat(parsed).isInstanceOf(ExtensionGrant.class);
        assertThat(parsed.grantType().value()).startsWith("urn:ietf:params:oauth:grant-type:jwt-bearerassertion=");
    }

    @Test
    void parseWhenAssertionMissingThenInvalidRequest() {
        // RFC 7523 §2.1: assertion REQUIRED
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&scope=a")), "assertion");
    }

    @Test
    void parseWhenAssertionRepeatedThenInvalidRequest() {
        // RFC 7523 §2.1: the assertion parameter MUST contain a single JWT; RFC 6749 §3.1
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a.b.c&assertion=d.e.f")),
                "assertion");
    }

    @Test
    void parseWhenAssertionOversizeThenInvalidRequest() {
        // INP-03: assertions at most 8 KB
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of(
                "grant_type", List.of("urn:ietf:params:oauth:grant-type:jwt-bearer"),
                "assertion", List.of("a".repeat(TokenRequest.MAX_ASSERTION_LENGTH + 1))))), "assertion");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        JwtBearerGrant g = new JwtBearerGrant("h.p.s", Optional.of(Scope.of("chat.read", "chat.history")),
                List.of(new ResourceIndicator("https://api.chat.example/")));
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
    }

    @Test
    void toStringHidesAssertion() {
        assertThat(new JwtBearerGrant("secret.jwt.here", Optional.empty(), List.of()).toString())
                .doesNotContain("secret.jwt.here");
    }
}
