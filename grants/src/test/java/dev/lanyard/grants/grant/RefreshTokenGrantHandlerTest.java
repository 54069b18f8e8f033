package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static dev.lanyard.grants.testing.TestServer.RS;
import static dev.lanyard.grants.testing.TestServer.RS2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.IntrospectionRequest;

class RefreshTokenGrantHandlerTest {

    private static final Scope BOTH = Scope.of("items:read", "items:write");
    private final TestServer as = TestServer.inMemory();

    private String refreshTokenOfPub1() {
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), BOTH, List.of(RS, RS2));
        return as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "code_verifier",
                v.value()).refreshToken().orElseThrow();
    }

    private String refreshTokenOfConf1() {
        String code = as.authorize("conf1", "https://conf.example.test/cb?tenant=1", Optional.empty(), BOTH,
                List.of(RS));
        return as.tokenBasic("conf1", TestClients.S1, "grant_type", "authorization_code", "code", code)
                .refreshToken().orElseThrow();
    }

    private AccessTokenResponse refresh(String token, String... more) {
        String[] form = new String[4 + more.length];
        System.arraycopy(new String[] {"grant_type", "refresh_token", "refresh_token", token}, 0, form, 0, 4);
        System.arraycopy(more, 0, form, 4, more.length);
        String[] withClient = java.util.Arrays.copyOf(form, form.length + 2);
        withClient[form.length] = "client_id";
        withClient[form.length + 1] = "pub1";
        return as.token(withClient);
    }

    private boolean active(String accessToken) {
        return as.introspection.introspect(new IntrospectionRequest(accessToken, Optional.empty()),
                as.client("conf1")).active();
    }

    private RefreshTokenState state(String token) {
        return as.refreshTokens.find(Digests.sha256Base64Url(token)).orElseThrow().state();
    }

    @Test
    void handleWhenActiveThenRotatedAndNewTokenWorks() {
        String rt = refreshTokenOfPub1();
        AccessTokenResponse r = refresh(rt);
        assertThat(r.refreshToken()).isPresent().get().isNotEqualTo(rt);
        assertThat(r.scope()).contains(BOTH);
        assertThat(state(rt)).isEqualTo(RefreshTokenState.ROTATED);
        assertThat(refresh(r.refreshToken().get()).accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenRotatedTokenReusedThenInvalidGrantAndFamilyRevoked() {
        // A-046 / RT-04: an already used token revokes the whole family, the newest token included
        String rt = refreshTokenOfPub1();
        String next = refresh(rt).refreshToken().orElseThrow();
        assertError(() -> refresh(rt), OAuthError.INVALID_GRANT);
        assertThat(state(next)).isEqualTo(RefreshTokenState.REVOKED);
        assertError(() -> refresh(next), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenRotatedTokenReusedThenAccessTokensOfTheFamilyRevoked() {
        // RT-04, OAuth 2.1 §4.3.1 / RFC 9700 §4.14.2: reuse revokes the whole grant, its access tokens included
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), BOTH, List.of(RS, RS2));
        AccessTokenResponse first = as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", v.value());
        String rt = first.refreshToken().orElseThrow();
        AccessTokenResponse second = refresh(rt);
        String otherGrant = refresh(refreshTokenOfPub1()).accessToken();
        assertThat(active(first.accessToken())).isTrue();
        assertThat(active(second.accessToken())).isTrue();
        assertError(() -> refresh(rt), OAuthError.INVALID_GRANT);
        assertThat(active(first.accessToken())).isFalse();
        assertThat(active(second.accessToken())).isFalse();
        assertThat(active(otherGrant)).isTrue();
    }

    @Test
    void handleWhenCodeRedeemedAgainAfterARefreshThenTheRefreshedAccessTokenRevokedToo() {
        // A-018 and RT-04: a second valid redemption revokes everything the code's grant issued, also later
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), BOTH, List.of(RS));
        AccessTokenResponse first = as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", v.value());
        AccessTokenResponse refreshed = refresh(first.refreshToken().orElseThrow());
        assertError(() -> as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1",
                "code_verifier", v.value()), OAuthError.INVALID_GRANT);
        assertThat(active(first.accessToken())).isFalse();
        assertThat(active(refreshed.accessToken())).isFalse();
        assertError(() -> refresh(refreshed.refreshToken().orElseThrow()), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenOtherClientThenInvalidGrantAndOwnerStillWorks() {
        // conf1's refresh token used by conf2 with valid conf2 credentials
        String rt = refreshTokenOfConf1();
        assertError(() -> as.token("grant_type", "refresh_token", "refresh_token", rt, "client_id", "conf2",
                "client_secret", TestClients.S2), OAuthError.INVALID_GRANT);
        assertThat(state(rt)).isEqualTo(RefreshTokenState.ACTIVE);
        assertThat(as.tokenBasic("conf1", TestClients.S1, "grant_type", "refresh_token", "refresh_token", rt)
                .accessToken()).isNotEmpty();
    }

    @Test
    void handleWhenConsentWithdrawnThenInvalidGrant() {
        // the user revoked the grant
        String rt = refreshTokenOfPub1();
        as.consents.withdraw("u-alice", "pub1");
        assertError(() -> refresh(rt), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenIdleExpiredThenInvalidGrant() {
        // refresh token idle expiry (1 day by default)
        String rt = refreshTokenOfPub1();
        as.clock.advance(Duration.ofDays(1));
        assertError(() -> refresh(rt), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenFamilyRevokedThenInvalidGrant() {
        String rt = refreshTokenOfPub1();
        as.refreshTokens.revokeAll("u-alice", "pub1");
        assertError(() -> refresh(rt), OAuthError.INVALID_GRANT);
        assertError(() -> refresh("unknown-token"), OAuthError.INVALID_GRANT);
    }

    @Test
    void handleWhenScopeNarrowedThenAccessTokenNarrowAndRefreshTokenKeepsScope() {
        // RT-03: a narrower scope gives a narrower access token; the new refresh token keeps the original scope
        String rt = refreshTokenOfPub1();
        AccessTokenResponse r = refresh(rt, "scope", "items:read");
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(r.refreshToken().get())).orElseThrow().scope())
                .isEqualTo(BOTH);
    }

    @Test
    void handleWhenScopeWidenedThenInvalidScope() {
        // OAuth 2.1 §4.3.1 / RT-03
        String rt = refreshTokenOfPub1();
        assertError(() -> refresh(rt, "scope", "items:read admin"), OAuthError.INVALID_SCOPE);
        assertThat(state(rt)).isEqualTo(RefreshTokenState.ACTIVE);
    }

    @Test
    void handleWhenResourceGrantedThenAudienceNarrowedElseInvalidTarget() {
        // RFC 8707 §2.2: resource honoured at refresh
        String rt = refreshTokenOfPub1();
        AccessTokenResponse r = refresh(rt, "resource", RS2.value());
        assertThat(AccessTokenClaims.parse(as.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow()
                .aud()).containsExactly(RS2.value());
        assertError(() -> refresh(r.refreshToken().orElseThrow(), "resource", "https://admin.example.test/api"),
                OAuthError.INVALID_TARGET);
    }
}
