package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.assertRejected;
import static dev.lanyard.spec.token.SpecExamples.form;
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
import dev.lanyard.spec.error.OAuthError;

class RefreshTokenGrantTest {

    @Test
    void specExampleRfc6749Section6() {
        FormParameters form = form(TokenExamples.RFC6749_6_REFRESH_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new RefreshTokenGrant("tGzv3JOkF0XG5Qx2TlKWIA", Optional.empty(), List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void specExampleRfc6749Section231() {
        FormParameters form = form(TokenExamples.RFC6749_2_3_1_REFRESH_WITH_SECRET);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new RefreshTokenGrant("tGzv3JOkF0XG5Qx2TlKWIA", Optional.empty(), List.of()));
        assertThat(ClientCredentialsInRequest.parse(form)).isEqualTo(new ClientCredentialsInRequest(
                Optional.of("s6BhdRkqt3"), Optional.of("7Fjfp0ZBr1KtDRbnfVdmIw"), Optional.empty(), Optional.empty()));
        assertThat(parsed.toForm()).isEqualTo(form.without(Set.of("client_id", "client_secret")));
    }

    @Test
    void specExampleRfc8707Section22RefreshRequest() {
        FormParameters form = form(TokenExamples.RFC8707_2_2_REFRESH_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new RefreshTokenGrant("4LTC8lb0acc6Oy4esc1Nk9BWC0imAwH7kic16BDC2",
                Optional.empty(), List.of(new ResourceIndicator("https://contacts.example.com/"))));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenRefreshTokenMissingThenInvalidRequest() {
        // RFC 6749 §6: refresh_token REQUIRED
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse("grant_type=refresh_token&scope=a")),
                "refresh_token");
    }

    @Test
    void parseWhenRefreshTokenRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=refresh_token&refresh_token=a&refresh_token=b")), "refresh_token");
    }

    @Test
    void parseWhenRefreshTokenOversizeThenInvalidRequest() {
        // A-091, INP-03: refresh_token at most 2048 characters
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of("grant_type", List.of("refresh_token"),
                "refresh_token", List.of("r".repeat(TokenRequest.MAX_REFRESH_TOKEN_LENGTH + 1))))), "refresh_token");
    }

    @Test
    void parseWhenScopeMalformedThenInvalidScope() {
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        assertRejected(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=refresh_token&refresh_token=r&scope=a%22b")), OAuthError.INVALID_SCOPE, "scope");
    }

    @Test
    void parseWhenResourceHasFragmentThenInvalidTarget() {
        // A-088, RFC 8707 §2
        assertRejected(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=refresh_token&refresh_token=r&resource=https%3A%2F%2Frs%2Fapi%23x")),
                OAuthError.INVALID_TARGET, "resource");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        RefreshTokenGrant g = new RefreshTokenGrant("rt-1", Optional.of(Scope.of("items:read", "items:write")),
                List.of(new ResourceIndicator("https://rs.example.test/api")));
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
    }

    @Test
    void constructorWhenScopeEmptyOrTokenOversizeThenIllegalArgument() {
        assertThatThrownBy(() -> new RefreshTokenGrant("r", Optional.of(Scope.of()), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshTokenGrant("r".repeat(2049), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesRefreshToken() {
        assertThat(new RefreshTokenGrant("secret-rt", Optional.empty(), List.of()).toString())
                .doesNotContain("secret-rt");
    }
}
