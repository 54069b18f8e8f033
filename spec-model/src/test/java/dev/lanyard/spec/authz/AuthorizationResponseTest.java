package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static dev.lanyard.spec.authz.OAuthAssert.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthError;

class AuthorizationResponseTest {

    private static AuthorizationResponse parse(String uri) {
        return AuthorizationResponse.parse(URI.create(uri));
    }

    @Test
    void specExampleRfc6749Section412Success() {
        // RFC 6749 §4.1.2
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA
                          &state=xyz
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r).isEqualTo(new AuthorizationResponse.Success("SplxlOBeZQQYbYS6WxSbIA", Optional.of("xyz"),
                Optional.empty()));
        assertThat(r.toRedirectUri("https://client.example.com/cb")).isEqualTo(original);
    }

    @Test
    void specExampleRfc6749Section4121Error() {
        // RFC 6749 §4.1.2.1
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example.com/cb?error=access_denied&state=xyz
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r).isEqualTo(new AuthorizationResponse.Error(OAuthError.ACCESS_DENIED, Optional.of("xyz"),
                Optional.empty()));
        assertThat(r.toRedirectUri("https://client.example.com/cb")).isEqualTo(original);
    }

    @Test
    void specExampleRfc9207Section21WithIss() {
        // RFC 9207 §2.1
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example/cb?
                  code=x1848ZT64p4IirMPT0R-X3141MFPTuBX-VFL_cvaplMH58
                  &state=ZWVlNDBlYzA1NjdkMDNhYjg3ZjUxZjAyNGQzMTM2NzI
                  &iss=https%3A%2F%2Fhonest.as.example
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r).isInstanceOfSatisfying(AuthorizationResponse.Success.class,
                s -> assertThat(s.code()).isEqualTo("x1848ZT64p4IirMPT0R-X3141MFPTuBX-VFL_cvaplMH58"));
        assertThat(r.state()).contains("ZWVlNDBlYzA1NjdkMDNhYjg3ZjUxZjAyNGQzMTM2NzI");
        assertThat(r.iss()).contains("https://honest.as.example");
        assertThat(r.toRedirectUri("https://client.example/cb")).isEqualTo(original);
    }

    @Test
    void specExampleRfc9207Section22ErrorWithIss() {
        // RFC 9207 §2.2
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example/cb?
                  error=access_denied
                  &state=N2JjNGJhY2JiZjRhYzA3MGJkMzNmMDE5OWJhZmJhZjA
                  &iss=https%3A%2F%2Fhonest.as.example
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r).isEqualTo(new AuthorizationResponse.Error(OAuthError.ACCESS_DENIED,
                Optional.of("N2JjNGJhY2JiZjRhYzA3MGJkMzNmMDE5OWJhZmJhZjA"), Optional.of("https://honest.as.example")));
        assertThat(r.toRedirectUri("https://client.example/cb")).isEqualTo(original);
    }

    @Test
    void specExampleOauth21Section412SuccessWithIss() {
        // draft-ietf-oauth-v2-1 §4.1.2
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA
                          &state=xyz&iss=https%3A%2F%2Fauthorization-server.example.com
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r.iss()).contains("https://authorization-server.example.com");
        assertThat(r.toRedirectUri("https://client.example.com/cb")).isEqualTo(original);
    }

    @Test
    void specExampleOauth21Section4121ErrorWithIss() {
        // draft-ietf-oauth-v2-1 §4.1.2.1
        String example = """
                HTTP/1.1 302 Found
                Location: https://client.example.com/cb?error=access_denied
                          &state=xyz&iss=https%3A%2F%2Fauthorization-server.example.com
                """;
        String original = location(example);
        AuthorizationResponse r = parse(original);

        assertThat(r).isInstanceOfSatisfying(AuthorizationResponse.Error.class,
                e -> assertThat(e.error().is(OAuthError.ACCESS_DENIED)).isTrue());
        assertThat(r.toRedirectUri("https://client.example.com/cb")).isEqualTo(original);
    }

    @Test
    void toRedirectUriWhenRegisteredUriHasQueryThenKept() {
        // A-008, OAuth 2.1 §2.3: the query of the registered redirect URI MUST be retained
        AuthorizationResponse r = new AuthorizationResponse.Success("c0de", Optional.of("st"),
                Optional.of("https://as.example.test"));
        assertThat(r.toRedirectUri("https://conf.example.test/cb?tenant=1")).isEqualTo(
                "https://conf.example.test/cb?tenant=1&code=c0de&state=st&iss=https%3A%2F%2Fas.example.test");
        assertThat(r.toRedirectUri("https://conf.example.test/cb?"))
                .isEqualTo("https://conf.example.test/cb?code=c0de&state=st&iss=https%3A%2F%2Fas.example.test");
        assertThat(AuthorizationResponse.parse(URI.create(r.toRedirectUri("https://conf.example.test/cb?tenant=1"))))
                .isEqualTo(r);
    }

    @Test
    void toRedirectUriWhenValuesNeedEncodingThenPercentEncodedAndReadBack() {
        // RFC 6749 Appendix B: application/x-www-form-urlencoded in the query
        AuthorizationResponse r = new AuthorizationResponse.Success("a+b/c=d", Optional.of("x y&z=1#?%"),
                Optional.of("https://as.example.test/tenant-a"));
        String uri = r.toRedirectUri("http://127.0.0.1:51004/cb");
        assertThat(uri).isEqualTo("http://127.0.0.1:51004/cb?code=a%2Bb%2Fc%3Dd&state=x+y%26z%3D1%23%3F%25"
                + "&iss=https%3A%2F%2Fas.example.test%2Ftenant-a");
        assertThat(AuthorizationResponse.parse(URI.create(uri))).isEqualTo(r);
    }

    @Test
    void toRedirectUriWhenErrorWithDescriptionAndUriThenAllParameters() {
        OAuthError error = OAuthError.INVALID_REQUEST.withDescription("Missing parameter response_type")
                .withUri(URI.create("https://as.example.test/errors#rt"));
        AuthorizationResponse r = new AuthorizationResponse.Error(error, Optional.empty(),
                Optional.of("https://as.example.test"));
        String uri = r.toRedirectUri("https://app.example.test/cb");
        assertThat(uri).isEqualTo("https://app.example.test/cb?error=invalid_request"
                + "&error_description=Missing+parameter+response_type"
                + "&error_uri=https%3A%2F%2Fas.example.test%2Ferrors%23rt&iss=https%3A%2F%2Fas.example.test");
        assertThat(AuthorizationResponse.parse(URI.create(uri))).isEqualTo(r);
        assertThat(AuthorizationResponse.parse(r.toForm())).isEqualTo(r);
    }

    @Test
    void toRedirectUriWhenFragmentThenIllegalArgument() {
        // OAuth 2.1 §2.3: a redirect URI MUST NOT include a fragment
        AuthorizationResponse r = new AuthorizationResponse.Success("c", Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> r.toRedirectUri("https://app.example.test/cb#x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseWhenParameterRepeatedThenInvalidRequest() {
        // OAuth 2.1 §3.1: response parameters MUST NOT be included more than once; RFC 9207: one iss
        for (String name : List.of("code", "state", "iss")) {
            String uri = "https://client.example/cb?code=c&state=s&iss=https%3A%2F%2Fas&" + name + "=x";
            assertOAuthError(() -> parse(uri), OAuthError.INVALID_REQUEST, name);
        }
        assertOAuthError(() -> parse("https://client.example/cb?error=access_denied&error=server_error"),
                OAuthError.INVALID_REQUEST, "error");
    }

    @Test
    void parseWhenCodeMissingThenInvalidRequest() {
        // OAuth 2.1 §4.1.2: code REQUIRED
        assertOAuthError(() -> parse("https://client.example/cb?state=s"), OAuthError.INVALID_REQUEST, "code");
        assertOAuthError(() -> parse("https://client.example/cb"), OAuthError.INVALID_REQUEST, "code");
        assertOAuthError(() -> parse("https://client.example/cb?code="), OAuthError.INVALID_REQUEST, "code");
    }

    @Test
    void parseWhenCodeAndErrorBothPresentThenInvalidRequest() {
        assertOAuthError(() -> parse("https://client.example/cb?code=c&error=access_denied"),
                OAuthError.INVALID_REQUEST, "error");
    }

    @Test
    void parseWhenErrorOrDescriptionOutsideCharsetThenInvalidRequest() {
        // OAuth 2.1 §4.1.2.1: error and error_description use %x20-21 / %x23-5B / %x5D-7E
        assertOAuthError(() -> parse("https://client.example/cb?error=a%22b"), OAuthError.INVALID_REQUEST, "error");
        assertOAuthError(() -> parse("https://client.example/cb?error=x&error_description=%0D%0ASet-Cookie"),
                OAuthError.INVALID_REQUEST, "error_description");
        assertOAuthError(() -> parse("https://client.example/cb?error=x&error_uri=a%20b"),
                OAuthError.INVALID_REQUEST, "error_uri");
    }

    @Test
    void parseWhenCodeHasControlCharacterThenInvalidRequest() {
        // OAuth 2.1 Appendix A.11: code = 1*VSCHAR
        assertOAuthError(() -> parse("https://client.example/cb?code=a%00b"), OAuthError.INVALID_REQUEST, "code");
    }

    @Test
    void parseWhenStateOrIssNotVisibleAsciiThenInvalidRequest() {
        // OAuth 2.1 Appendix A.5: state = 1*VSCHAR; RFC 9207 §2: iss is an https URL
        // a lone surrogate is not well-formed text: refused while decoding the parameters (INP-02)
        assertOAuthError(() -> AuthorizationResponse.parse(FormParameters.parse("code=c&state=a\uD800b")),
                OAuthError.INVALID_REQUEST, "UTF-8");
        assertOAuthError(() -> parse("https://client.example/cb?code=c&state=%0A"), OAuthError.INVALID_REQUEST,
                "state");
        assertOAuthError(() -> parse("https://client.example/cb?code=c&iss=https%3A%2F%2Fas%C3%A9"),
                OAuthError.INVALID_REQUEST, "iss");
    }

    @Test
    void parseWhenUnknownParametersThenIgnored() {
        // OAuth 2.1 §4.1.2: the client MUST ignore unrecognized response parameters
        AuthorizationResponse r = AuthorizationResponse.parse(
                FormParameters.parse("tenant=1&code=c&session_state=x&state="));
        assertThat(r).isEqualTo(new AuthorizationResponse.Success("c", Optional.empty(), Optional.empty()));
    }

    @Test
    void parseWhenUnregisteredErrorCodeThenKeptWithStatus400() {
        AuthorizationResponse r = parse("https://client.example/cb?error=invalid_dpop_proof");
        assertThat(r).isInstanceOfSatisfying(AuthorizationResponse.Error.class, e -> {
            assertThat(e.error().code()).isEqualTo("invalid_dpop_proof");
            assertThat(e.error().httpStatus()).isEqualTo(400);
        });
    }

    @Test
    void successToStringWhenCalledThenCodeHidden() {
        // G-09: never log codes
        assertThat(new AuthorizationResponse.Success("SplxlOBeZQQYbYS6WxSbIA", Optional.empty(), Optional.empty()))
                .asString().doesNotContain("SplxlOBeZQQYbYS6WxSbIA");
    }

    @Test
    void constructorsWhenEmptyValuesThenIllegalArgument() {
        assertThatThrownBy(() -> new AuthorizationResponse.Success("", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationResponse.Success("c", Optional.of(""), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationResponse.Error(OAuthError.ACCESS_DENIED, Optional.empty(),
                Optional.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
