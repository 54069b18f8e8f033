package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.assertRejected;
import static dev.lanyard.spec.token.SpecExamples.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;

class ClientCredentialsGrantTest {

    @Test
    void specExampleRfc6749Section442() {
        FormParameters form = form(TokenExamples.RFC6749_4_4_2_CLIENT_CREDENTIALS_REQUEST);
        TokenRequest parsed = TokenRequest.parse(form);
        assertThat(parsed).isEqualTo(new ClientCredentialsGrant(Optional.empty(), List.of()));
        assertThat(parsed.toForm()).isEqualTo(form);
    }

    @Test
    void parseWhenScopeEmptyThenAbsent() {
        // OAuth 2.1 §3.2.2: a parameter sent without a value is treated as omitted
        assertThat(TokenRequest.parse(FormParameters.parse("grant_type=client_credentials&scope=")))
                .isEqualTo(new ClientCredentialsGrant(Optional.empty(), List.of()));
    }

    @Test
    void parseWhenScopeRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=client_credentials&scope=a&scope=b")), "scope");
    }

    @Test
    void parseWhenResourceRelativeThenInvalidTarget() {
        // A-088, RFC 8707 §2
        assertRejected(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=client_credentials&resource=%2Fapi")), OAuthError.INVALID_TARGET, "resource");
    }

    @Test
    void toFormWhenParsedBackThenEqual() {
        ClientCredentialsGrant g = new ClientCredentialsGrant(Optional.of(Scope.of("items:read")),
                List.of(new ResourceIndicator("https://rs.example.test/api"),
                        new ResourceIndicator("urn:example:rs")));
        assertThat(TokenRequest.parse(g.toForm())).isEqualTo(g);
    }

    @Test
    void constructorWhenScopeEmptyThenIllegalArgument() {
        assertThatThrownBy(() -> new ClientCredentialsGrant(Optional.of(Scope.of()), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
