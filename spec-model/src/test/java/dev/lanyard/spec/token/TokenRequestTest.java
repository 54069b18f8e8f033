package dev.lanyard.spec.token;

import static dev.lanyard.spec.token.SpecExamples.assertInvalidRequest;
import static dev.lanyard.spec.token.SpecExamples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.core.TokenTypeUri;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class TokenRequestTest {

    @Test
    void parseWhenGrantTypeMissingThenInvalidRequest() {
        // A-029, OAuth 2.1 §3.2.2: grant_type REQUIRED
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse("code=abc")), "grant_type");
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse("grant_type=&code=abc")), "grant_type");
    }

    @Test
    void parseWhenGrantTypeRepeatedThenInvalidRequest() {
        // RFC 6749 §3.1: parameters MUST NOT be included more than once
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.parse(
                "grant_type=client_credentials&grant_type=authorization_code&code=abc")), "grant_type");
    }

    @Test
    void parseWhenPasswordOrImplicitThenUnsupportedGrantType() {
        // A-029, OAuth 2.1 §3.2.4 / §10.4: the password and implicit grants are omitted
        for (String type : List.of("password", "implicit")) {
            assertRejected(() -> TokenRequest.parse(FormParameters.parse(
                    "grant_type=" + type + "&username=johndoe&password=A3ddj3w")),
                    OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type");
        }
    }

    @Test
    void parseWhenGrantTypeInAnotherCaseThenUnsupportedGrantType() {
        // grant_type values are compared exactly
        for (String type : List.of("Authorization_Code", "CLIENT_CREDENTIALS", "Refresh_Token")) {
            assertRejected(() -> TokenRequest.parse(FormParameters.parse("grant_type=" + type + "&code=abc")),
                    OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type");
        }
    }

    @Test
    void parseWhenUnknownNameThenUnsupportedGrantTypeWithoutEchoingIt() {
        assertThatThrownBy(() -> TokenRequest.parse(FormParameters.parse("grant_type=%3Cscript%3Ealert(1)")))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().is(OAuthError.UNSUPPORTED_GRANT_TYPE)).isTrue();
                    assertThat(e.error().description()).hasValueSatisfying(d -> assertThat(d).doesNotContain("script"));
                });
    }

    @Test
    void parseWhenUnknownAbsoluteUriThenExtensionGrantForTheEndpointToDecide() {
        // urn:x:unknown ends as unsupported_grant_type at the endpoint, which has no handler for it;
        // RFC 6749 §4.5: extension grant types are absolute URIs
        TokenRequest r = TokenRequest.parse(FormParameters.parse("grant_type=urn%3Ax%3Aunknown&foo=bar"));
        assertThat(r).isEqualTo(new ExtensionGrant(new GrantType("urn:x:unknown"),
                FormParameters.builder().add("foo", "bar").build()));
    }

    @Test
    void parseWhenGrantTypeOversizeThenInvalidRequest() {
        // INP-03: oversize parameters are refused
        assertInvalidRequest(() -> TokenRequest.parse(FormParameters.of(Map.of("grant_type",
                List.of("urn:x:" + "a".repeat(TokenRequest.MAX_GRANT_TYPE_LENGTH))))), "grant_type");
    }

    @Test
    void parseDispatchesEveryGrantTypeToItsRecord() {
        List<TokenRequest> requests = List.of(
                new AuthorizationCodeGrant("c", Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                new RefreshTokenGrant("r", Optional.empty(), List.of()),
                new ClientCredentialsGrant(Optional.empty(), List.of()),
                new TokenExchangeGrant(List.of(), List.of(), Optional.empty(), Optional.empty(), "s",
                        TokenTypeUri.ACCESS_TOKEN, Optional.empty(), Optional.empty()),
                new JwtBearerGrant("a.b.c", Optional.empty(), List.of()),
                new ExtensionGrant(GrantType.DEVICE_CODE, FormParameters.builder().add("device_code", "d").build()));
        for (TokenRequest r : requests) {
            assertThat(r.toForm().get("grant_type")).contains(r.grantType().value());
            assertThat(TokenRequest.parse(r.toForm())).isEqualTo(r);
        }
    }

    @Test
    void parseIgnoresUnknownParametersAndLeavesClientCredentialsOut() {
        // OAuth 2.1 §3.2.2: unrecognized parameters are ignored; client authentication is read separately
        FormParameters form = FormParameters.parse("grant_type=client_credentials&scope=a+b&foo=bar"
                + "&client_id=c1&client_secret=s1&resource=https%3A%2F%2Frs.example.test%2Fapi");
        assertThat(TokenRequest.parse(form)).isEqualTo(new ClientCredentialsGrant(Optional.of(Scope.of("a", "b")),
                List.of(new ResourceIndicator("https://rs.example.test/api"))));
    }
}
