package dev.lanyard.grants.revocation;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.testing.Forms;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.IntrospectionRequest;
import dev.lanyard.spec.token.RevocationRequest;
import dev.lanyard.spec.token.TokenTypeHint;

class TokenRevocationServiceTest {

    private final TestServer as = TestServer.inMemory();

    private AccessTokenResponse conf2Tokens() {
        String code = as.authorize("conf2", "https://conf2.example.test/cb", Optional.empty(),
                Scope.of("items:read"), List.of(TestServer.RS));
        return as.token("grant_type", "authorization_code", "code", code, "client_id", "conf2", "client_secret",
                TestClients.S2);
    }

    private AccessTokenResponse pub1Tokens() {
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), Scope.of("items:read"),
                List.of(TestServer.RS));
        return as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "code_verifier",
                v.value());
    }

    private boolean active(String token) {
        return as.introspection.introspect(new IntrospectionRequest(token, Optional.empty()), as.client("conf2"))
                .active();
    }

    private static RevocationRequest request(String token) {
        return new RevocationRequest(token, Optional.empty());
    }

    @Test
    void revokeWhenRefreshTokenThenFamilyRevoked() {
        // RFC 7009 §2.1, RV-05
        AccessTokenResponse t = conf2Tokens();
        String rt = t.refreshToken().orElseThrow();
        as.revocation.revoke(request(rt), as.client("conf2"));
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(rt)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
        assertError(() -> as.token("grant_type", "refresh_token", "refresh_token", rt, "client_id", "conf2",
                "client_secret", TestClients.S2), OAuthError.INVALID_GRANT);
    }

    @Test
    void revokeWhenRefreshTokenThenAccessTokensOfItsFamilyInactive() {
        // RFC 7009 §2.1 (RV-05): revoking a refresh token SHOULD also invalidate the access tokens of the same grant;
        // the access tokens of another grant, or of a client credentials grant, stay active
        AccessTokenResponse t = conf2Tokens();
        AccessTokenResponse refreshed = as.token("grant_type", "refresh_token", "refresh_token",
                t.refreshToken().orElseThrow(), "client_id", "conf2", "client_secret", TestClients.S2);
        AccessTokenResponse other = conf2Tokens();
        String alone = as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials").accessToken();
        as.revocation.revoke(new RevocationRequest(refreshed.refreshToken().orElseThrow(),
                Optional.of(TokenTypeHint.REFRESH_TOKEN)), as.client("conf2"));
        assertThat(active(t.accessToken())).isFalse();
        assertThat(active(refreshed.accessToken())).isFalse();
        assertThat(active(other.accessToken())).isTrue();
        assertThat(active(alone)).isTrue();
    }

    @Test
    void revokeWhenHintUnknownThenIgnoredAndTokenRevoked() {
        // RFC 7009 §2.1: the hint is only a hint, the server MAY ignore it; an unknown value is no error
        AccessTokenResponse t = conf2Tokens();
        as.revocation.revoke(new RevocationRequest(t.accessToken(), Optional.of(new TokenTypeHint("id_token"))),
                as.client("conf2"));
        assertThat(active(t.accessToken())).isFalse();
        as.revocation.revoke(new RevocationRequest(t.refreshToken().orElseThrow(),
                Optional.of(new TokenTypeHint("urn:example:unknown"))), as.client("conf2"));
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(t.refreshToken().orElseThrow())).orElseThrow()
                .state()).isEqualTo(RefreshTokenState.REVOKED);
    }

    @Test
    void revokeWhenAccessTokenThenIntrospectionInactive() {
        AccessTokenResponse t = conf2Tokens();
        assertThat(active(t.accessToken())).isTrue();
        as.revocation.revoke(new RevocationRequest(t.accessToken(), Optional.of(TokenTypeHint.ACCESS_TOKEN)),
                as.client("conf2"));
        assertThat(active(t.accessToken())).isFalse();
    }

    @Test
    void revokeWhenHintIsWrongThenOtherTypeSearched() {
        // RFC 7009 §2.1: not found under the hint, the server searches its other token types
        AccessTokenResponse t = conf2Tokens();
        as.revocation.revoke(new RevocationRequest(t.accessToken(), Optional.of(TokenTypeHint.REFRESH_TOKEN)),
                as.client("conf2"));
        assertThat(active(t.accessToken())).isFalse();
    }

    @Test
    void revokeWhenUnknownOrAlreadyRevokedThenOk() {
        // RFC 7009 §2.2, 200 for an invalid or unknown token
        as.revocation.revoke(request("garbage"), as.client("conf1"));
        as.revocation.revoke(request("a.b.c"), as.client("pub1"));
        AccessTokenResponse t = conf2Tokens();
        as.revocation.revoke(request(t.refreshToken().orElseThrow()), as.client("conf2"));
        as.revocation.revoke(request(t.refreshToken().orElseThrow()), as.client("conf2"));
        as.clock.advance(Duration.ofMinutes(6)); // an expired access token: nothing to do
        as.revocation.revoke(request(t.accessToken()), as.client("conf2"));
    }

    @Test
    void revokeWhenConfidentialClientNamesOtherClientsTokenThenInvalidRequestAndTokenKept() {
        // conf1 revokes conf2's access token
        AccessTokenResponse t = conf2Tokens();
        assertError(() -> as.revocation.revoke(request(t.accessToken()), as.client("conf1")),
                OAuthError.INVALID_REQUEST);
        assertError(() -> as.revocation.revoke(request(t.refreshToken().orElseThrow()), as.client("conf1")),
                OAuthError.INVALID_REQUEST);
        assertThat(active(t.accessToken())).isTrue();
    }

    @Test
    void revokeWhenPublicClientNamesOtherClientsTokenThenSilentNoOp() {
        // pub1 (no authentication) revokes conf2's access token: 200, no effect
        AccessTokenResponse t = conf2Tokens();
        as.revocation.revoke(request(t.accessToken()), as.client("pub1"));
        as.revocation.revoke(request(t.refreshToken().orElseThrow()), as.client("pub1"));
        assertThat(active(t.accessToken())).isTrue();
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(t.refreshToken().get())).orElseThrow().state())
                .isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void revokeWhenPublicClientOwnsTokenThenRevoked() {
        AccessTokenResponse t = pub1Tokens();
        as.revocation.revoke(request(t.refreshToken().orElseThrow()), as.client("pub1"));
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(t.refreshToken().get())).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
    }

    @Test
    void revokeWhenCallerUnauthenticatedOrTokenMissingThenErrors() {
        // a confidential client with no or bad credentials is invalid_client (the endpoint authenticates
        // first, as at the token endpoint); the token parameter missing is invalid_request
        assertError(() -> as.authenticator.authenticate(ClientAuthenticationInput.ofForm(
                Forms.form("client_id", "conf2", "token", "x"))), OAuthError.INVALID_CLIENT);
        assertError(() -> as.authenticator.authenticate(ClientAuthenticationInput.ofForm(
                Forms.form("client_id", "conf2", "client_secret", TestClients.S1, "token", "x"))),
                OAuthError.INVALID_CLIENT);
        assertError(() -> RevocationRequest.parse(Forms.form("token_type_hint", "access_token")),
                OAuthError.INVALID_REQUEST);
    }
}
