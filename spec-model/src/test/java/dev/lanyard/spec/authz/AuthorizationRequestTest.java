package dev.lanyard.spec.authz;

import static dev.lanyard.spec.authz.OAuthAssert.assertOAuthError;
import static dev.lanyard.spec.authz.OAuthAssert.requestQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class AuthorizationRequestTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String VALID = "response_type=code&client_id=pub1"
            + "&redirect_uri=https%3A%2F%2Fapp.example.test%2Fcb&state=af0ifjsldkj&scope=items%3Aread"
            + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";

    private static AuthorizationRequest parse(String query) {
        return AuthorizationRequest.parse(FormParameters.parse(query));
    }

    @Test
    void specExampleRfc6749Section411() {
        // RFC 6749 §4.1.1
        String example = """
                GET /authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz
                    &redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb HTTP/1.1
                Host: server.example.com
                """;
        FormParameters original = FormParameters.parse(requestQuery(example));
        AuthorizationRequest r = AuthorizationRequest.parse(original);

        assertThat(r.clientId()).isEqualTo("s6BhdRkqt3");
        assertThat(r.state()).contains("xyz");
        assertThat(r.redirectUri()).contains("https://client.example.com/cb");
        assertThat(r.codeChallenge()).isEmpty();
        assertThat(r.toForm()).isEqualTo(original);
    }

    @Test
    void specExampleOauth21Section411WithCodeChallenge() {
        // draft-ietf-oauth-v2-1 §4.1.1
        String example = """
                GET /authorize?response_type=code&client_id=s6BhdRkqt3&state=xyz
                    &redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb
                    &code_challenge=6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY
                    &code_challenge_method=S256 HTTP/1.1
                Host: server.example.com
                """;
        FormParameters original = FormParameters.parse(requestQuery(example));
        AuthorizationRequest r = AuthorizationRequest.parse(original);

        assertThat(r.codeChallenge()).contains(new CodeChallenge("6fdkQaPm51l13DSukcAH3Mdx7_ntecHYd1vi3n0hMZY"));
        assertThat(r.codeChallengeMethod()).contains(CodeChallengeMethod.S256);
        assertThat(r.toForm()).isEqualTo(original);
    }

    @Test
    void specExampleRfc8707Section21CodeFlow() {
        // RFC 8707 §2.1, Figure 2
        String example = """
                GET /as/authorization.oauth2?response_type=code
                   &client_id=s6BhdRkqt3
                   &state=tNwzQ87pC6llebpmac_IDeeq-mCR2wLDYljHUZUAWuI
                   &redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb
                   &scope=calendar%20contacts
                   &resource=https%3A%2F%2Fcal.example.com%2F
                   &resource=https%3A%2F%2Fcontacts.example.com%2F HTTP/1.1
                Host: authorization-server.example.com
                """;
        FormParameters original = FormParameters.parse(requestQuery(example));
        AuthorizationRequest r = AuthorizationRequest.parse(original);

        assertThat(r.scope()).contains(Scope.of("calendar", "contacts"));
        assertThat(r.resources()).extracting(ResourceIndicator::value)
                .containsExactly("https://cal.example.com/", "https://contacts.example.com/");
        assertThat(r.toForm()).isEqualTo(original);
    }

    @Test
    void specExampleRfc8707Section21ImplicitFlowThenUnsupportedResponseType() {
        // RFC 8707 §2.1, Figure 1: response_type=token; OAuth 2.1 removed the implicit grant (D6, AZ-05)
        String example = """
                GET /as/authorization.oauth2?response_type=token
                   &client_id=example-client
                   &state=XzZaJlcwYew1u0QBrRv_Gw
                   &redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb
                   &resource=https%3A%2F%2Fapi.example.com%2Fapp%2F HTTP/1.1
                Host: authorization-server.example.com
                """;
        FormParameters original = FormParameters.parse(requestQuery(example));
        assertThat(AuthorizationRequest.front(original).state()).contains("XzZaJlcwYew1u0QBrRv_Gw");
        assertOAuthError(() -> AuthorizationRequest.parse(original), OAuthError.UNSUPPORTED_RESPONSE_TYPE,
                "response_type");
    }

    @Test
    void parseWhenValidThenEveryMemberAndRoundTrip() {
        AuthorizationRequest r = parse(VALID + "&resource=https%3A%2F%2Frs.example.test%2Fapi&nonce=n-0S6_WzA2Mj"
                + "&prompt=consent");
        assertThat(r.clientId()).isEqualTo("pub1");
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(r.resources()).containsExactly(new ResourceIndicator("https://rs.example.test/api"));
        assertThat(r.nonce()).contains("n-0S6_WzA2Mj");
        assertThat(r.prompt()).contains("consent");
        assertThat(parse(r.toQuery())).isEqualTo(r);
        assertThat(AuthorizationRequest.parse(r.toForm())).isEqualTo(r);
    }

    @Test
    void frontWhenClientIdMissingThenInvalidRequest() {
        // AZ-04, AZ-10: client_id REQUIRED; such an error is never redirected
        assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse("response_type=code&state=s")),
                OAuthError.INVALID_REQUEST, "client_id");
        assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse("client_id=&state=s")),
                OAuthError.INVALID_REQUEST, "client_id");
    }

    @Test
    void frontWhenClientIdRepeatedThenInvalidRequest() {
        // INP-01, AZ-02: a repeated client_id is never redirected
        assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse("client_id=pub1&client_id=pub2")),
                OAuthError.INVALID_REQUEST, "client_id");
    }

    @Test
    void frontWhenClientIdHasControlCharacterThenInvalidRequest() {
        // OAuth 2.1 Appendix A.1: client-id = *VSCHAR; INP-05: no control characters in identifiers
        assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse("client_id=pub1%0A")),
                OAuthError.INVALID_REQUEST, "client_id");
    }

    @Test
    void frontWhenRedirectUriRepeatedThenInvalidRequest() {
        // A-003, INP-01: both orders; neither value is used
        String app = "redirect_uri=https%3A%2F%2Fapp.example.test%2Fcb";
        String evil = "redirect_uri=https%3A%2F%2Fevil.test%2Fcb";
        for (String q : List.of("client_id=pub1&" + app + "&" + evil, "client_id=pub1&" + evil + "&" + app)) {
            assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse(q)), OAuthError.INVALID_REQUEST,
                    "redirect_uri");
        }
    }

    @Test
    void frontWhenRedirectUriMalformedThenInvalidRequest() {
        // OAuth 2.1 §2.3: absolute, no fragment; RU-05: no script-capable scheme at request time either
        for (String bad : List.of("%2Fcb", "https%3A%2F%2Fapp.example.test%2Fcb%23x", "javascript%3Aalert(1)",
                "https%3A%2F%2Fapp.example.test%2Fc%20b", "data%3Atext%2Fhtml%2Cx")) {
            FormParameters p = FormParameters.parse("client_id=pub1&redirect_uri=" + bad);
            assertOAuthError(() -> AuthorizationRequest.front(p), OAuthError.INVALID_REQUEST, "redirect_uri");
        }
    }

    @Test
    void frontWhenStateRepeatedOversizeOrMalformedThenInvalidRequestNotRedirected() {
        // INP-01 (CVE-2026-9689: a repeated state is not redirected); A-016, INP-03: state at most 2048 characters;
        // OAuth 2.1 Appendix A.5: state = 1*VSCHAR
        for (String q : List.of("client_id=pub1&state=a&state=b", "client_id=pub1&state=" + "s".repeat(2049),
                "client_id=pub1&state=a%0Db", "client_id=pub1&state=%C3%A9")) {
            assertOAuthError(() -> AuthorizationRequest.front(FormParameters.parse(q)), OAuthError.INVALID_REQUEST,
                    "state");
        }
        assertThat(AuthorizationRequest.front(FormParameters.parse("client_id=pub1&state=" + "s".repeat(2048)))
                .state()).hasValueSatisfying(s -> assertThat(s).hasSize(2048));
    }

    @Test
    void parseWhenResponseTypeMissingThenInvalidRequest() {
        // AZ-05, OAuth 2.1 §4.1.1: response_type REQUIRED
        assertOAuthError(() -> parse(VALID.replace("response_type=code&", "")), OAuthError.INVALID_REQUEST,
                "response_type");
        assertOAuthError(() -> parse(VALID.replace("response_type=code", "response_type=")),
                OAuthError.INVALID_REQUEST, "response_type");
    }

    @Test
    void parseWhenResponseTypeNotCodeThenUnsupportedResponseType() {
        // AZ-05, D6: token is no longer defined; hybrids and case variants are not understood
        for (String rt : List.of("token", "code+id_token", "id_token", "Code", "code+token", "none")) {
            assertOAuthError(() -> parse(VALID.replace("response_type=code", "response_type=" + rt)),
                    OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type");
        }
    }

    @Test
    void parseWhenResponseTypeRepeatedThenInvalidRequest() {
        // AZ-02: defined parameters MUST NOT repeat
        assertOAuthError(() -> parse(VALID + "&response_type=code"), OAuthError.INVALID_REQUEST, "response_type");
    }

    @Test
    void parseWhenAnyDefinedParameterRepeatedThenInvalidRequest() {
        // AZ-02, INP-01: no parameter defined for the request, nor by an extension, may repeat (resource may, RFC 8707)
        for (String extra : List.of("code_challenge=" + CHALLENGE, "code_challenge_method=S256", "scope=items%3Aread",
                "prompt=none")) {
            String name = extra.substring(0, extra.indexOf('='));
            String query = name.equals("prompt") ? VALID + "&" + extra + "&" + extra : VALID + "&" + extra;
            assertOAuthError(() -> parse(query), OAuthError.INVALID_REQUEST, name);
        }
        assertThat(parse(VALID + "&resource=https%3A%2F%2Frs.example.test%2Fapi"
                + "&resource=https%3A%2F%2Frs2.example.test%2Fapi").resources()).hasSize(2);
        // RFC 8707 §2: the same resource named twice is one audience
        assertThat(parse(VALID + "&resource=https%3A%2F%2Frs.example.test%2Fapi"
                + "&resource=https%3A%2F%2Frs.example.test%2Fapi").resources())
                .containsExactly(new ResourceIndicator("https://rs.example.test/api"));
    }

    @Test
    void parseWhenRequestObjectOrRequestUriThenNotSupported() {
        // RFC 9101 §5, OIDC Core §3.1.2.6: request objects are refused, never ignored, and nothing is fetched; the
        // error is redirected (the client and redirect URI come from the plain parameters, already validated)
        String jwt = "eyJhbGciOiJub25lIn0.eyJyZWRpcmVjdF91cmkiOiJodHRwczovL2V2aWwudGVzdC9jYiJ9.";
        assertOAuthError(() -> parse(VALID + "&request=" + jwt), OAuthError.REQUEST_NOT_SUPPORTED, "request");
        assertOAuthError(() -> parse(VALID + "&request_uri=https%3A%2F%2Fevil.test%2Freq"),
                OAuthError.REQUEST_URI_NOT_SUPPORTED, "request_uri");
        assertOAuthError(() -> parse("client_id=pub1&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Ax"),
                OAuthError.REQUEST_URI_NOT_SUPPORTED, "request_uri");
        assertThat(AuthorizationRequest.front(FormParameters.parse(VALID + "&request=" + jwt)).redirectUri())
                .contains("https://app.example.test/cb");
        assertThat(parse(VALID + "&request=&request_uri=").clientId()).isEqualTo("pub1"); // empty is absent
    }

    @Test
    void parseWhenCodeChallengeBreaksAbnfThenInvalidRequest() {
        // A-010, PK-01, RFC 7636 §4.2: 42 characters, 129 characters, +, /, =, %20
        for (String bad : List.of(CHALLENGE.substring(1), "a".repeat(129), CHALLENGE.substring(1) + "%2B",
                CHALLENGE.substring(1) + "%2F", CHALLENGE.substring(1) + "%3D", CHALLENGE.substring(1) + "%20")) {
            assertOAuthError(() -> parse(VALID.replace(CHALLENGE, bad)), OAuthError.INVALID_REQUEST,
                    "code_challenge");
        }
    }

    @Test
    void parseWhenMethodWithoutChallengeThenInvalidRequest() {
        // A-011, PK-06
        assertOAuthError(() -> parse(VALID.replace("&code_challenge=" + CHALLENGE, "")), OAuthError.INVALID_REQUEST,
                "code_challenge");
    }

    @Test
    void parseWhenChallengeWithoutMethodThenInvalidRequest() {
        // OAuth 2.1 -16 §4.1.1: code_challenge_method REQUIRED (in -15 it defaulted to plain, which is refused)
        assertOAuthError(() -> parse(VALID.replace("&code_challenge_method=S256", "")), OAuthError.INVALID_REQUEST,
                "code_challenge_method");
    }

    @Test
    void parseWhenMethodPlainUnknownOrMiscasedThenInvalidRequest() {
        // AZ-13, A-014: plain, S512, s256
        for (String m : List.of("plain", "S512", "s256")) {
            assertOAuthError(() -> parse(VALID.replace("code_challenge_method=S256", "code_challenge_method=" + m)),
                    OAuthError.INVALID_REQUEST, "code_challenge_method");
        }
    }

    @Test
    void parseWhenNoChallengeAtAllThenAcceptedForThePolicyToDecide() {
        // AZ-12: whether a challenge is required is the server's policy, not the message's
        AuthorizationRequest r = parse(VALID.replace("&code_challenge=" + CHALLENGE, "")
                .replace("&code_challenge_method=S256", ""));
        assertThat(r.codeChallenge()).isEmpty();
        assertThat(r.codeChallengeMethod()).isEmpty();
    }

    @Test
    void parseWhenUnknownAndEmptyParametersThenIgnored() {
        // A-013, AZ-02: foo ignored; empty scope and state treated as absent
        AuthorizationRequest r = parse(VALID.replace("&state=af0ifjsldkj", "").replace("&scope=items%3Aread", "")
                + "&foo=bar&scope=&state=");
        assertThat(r.scope()).isEmpty();
        assertThat(r.state()).isEmpty();
        assertThat(r.toForm().names()).doesNotContain("foo", "scope", "state");
    }

    @Test
    void parseWhenScopeOversizeThenInvalidRequest() {
        // A-016, INP-03: scope at most 2048 characters
        String scope = "a".repeat(2049);
        assertOAuthError(() -> parse(VALID.replace("scope=items%3Aread", "scope=" + scope)),
                OAuthError.INVALID_REQUEST, "scope", scope);
    }

    @Test
    void parseWhenScopeMalformedThenInvalidScope() {
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        assertOAuthError(() -> parse(VALID.replace("scope=items%3Aread", "scope=items%22read")),
                OAuthError.INVALID_SCOPE, "scope");
    }

    @Test
    void parseWhenResourceMalformedThenInvalidTarget() {
        // RFC 8707 §2, RI-01: absolute URI without a fragment, else invalid_target
        for (String bad : List.of("%2Frelative", "https%3A%2F%2Frs.example.test%2Fapi%23frag")) {
            assertOAuthError(() -> parse(VALID + "&resource=" + bad), OAuthError.INVALID_TARGET, "resource");
        }
    }

    @Test
    void parseWhenNonceOrPromptRepeatedOrOversizeThenInvalidRequest() {
        // AZ-02: extension parameters MUST NOT repeat either; INP-03 caps
        assertOAuthError(() -> parse(VALID + "&nonce=a&nonce=b"), OAuthError.INVALID_REQUEST, "nonce");
        assertOAuthError(() -> parse(VALID + "&nonce=" + "n".repeat(2049)), OAuthError.INVALID_REQUEST, "nonce");
        assertOAuthError(() -> parse(VALID + "&prompt=" + "p".repeat(257)), OAuthError.INVALID_REQUEST, "prompt");
    }

    @Test
    void parseWhenNonceHoldsAControlCharacterThenInvalidRequest() {
        // U+0000 would fail the code's insert on PostgreSQL: refused as a malformed parameter instead
        assertOAuthError(() -> parse(VALID + "&nonce=n%00x"), OAuthError.INVALID_REQUEST, "nonce");
        assertOAuthError(() -> parse(VALID + "&nonce=n%0Ax"), OAuthError.INVALID_REQUEST, "nonce");
        assertThat(parse(VALID + "&nonce=n%C3%A9+x").nonce()).contains("n\u00e9 x");
    }

    @Test
    void frontThenParseWhenLaterErrorThenRedirectableWithState() {
        // AZ-11: after client and redirect URI are validated, errors are redirected with state and iss
        FormParameters p = FormParameters.parse(VALID.replace("code_challenge_method=S256",
                "code_challenge_method=plain"));
        AuthorizationRequest.Front front = AuthorizationRequest.front(p);
        assertThat(front.clientId()).isEqualTo("pub1");
        assertThat(front.redirectUri()).contains("https://app.example.test/cb");
        assertThatThrownBy(() -> AuthorizationRequest.parse(p)).isInstanceOfSatisfying(OAuthException.class, e -> {
            AuthorizationResponse.Error response = front.errorResponse(e.error(), "https://as.example.test");
            assertThat(response.toRedirectUri(front.redirectUri().orElseThrow()))
                    .startsWith("https://app.example.test/cb?error=invalid_request&error_description=")
                    .endsWith("&state=af0ifjsldkj&iss=https%3A%2F%2Fas.example.test");
        });
    }

    @Test
    void toUriWhenEndpointHasQueryThenKept() {
        // OAuth 2.1 §3.1: the endpoint's query is retained when parameters are added
        AuthorizationRequest r = parse(VALID);
        assertThat(r.toUri("https://as.example.test/authorize?tenant=a"))
                .isEqualTo("https://as.example.test/authorize?tenant=a&" + r.toQuery());
        assertThat(r.toUri("https://as.example.test/authorize")).startsWith("https://as.example.test/authorize?"
                + "response_type=code&client_id=pub1&");
        assertThatThrownBy(() -> r.toUri("https://as.example.test/authorize#f"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenInvariantBrokenThenIllegalArgument() {
        CodeChallenge c = new CodeChallenge(CHALLENGE);
        assertThatThrownBy(() -> new AuthorizationRequest("pub1", Optional.of(c), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationRequest("pub1", Optional.of(c),
                Optional.of(CodeChallengeMethod.PLAIN), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationRequest("pub1", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(Scope.of()), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationRequest("", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorizationRequest("pub1", Optional.empty(), Optional.empty(),
                Optional.of("https://app.example.test/cb#f"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
