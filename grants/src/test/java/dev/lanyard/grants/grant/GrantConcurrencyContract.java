package dev.lanyard.grants.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.RefreshTokenRecord;
import dev.lanyard.grants.store.RefreshTokenState;
import dev.lanyard.grants.testing.Concurrently;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;

/** Issue acceptance: one-time use holds under 50 concurrent requests, end to end through the token endpoint. */
abstract class GrantConcurrencyContract {

    /** A server on the stores under test. */
    abstract TestServer server();

    @Test
    void tokenWhenFiftyRedeemOneCodeAtOnceThenExactlyOneSucceeds() throws InterruptedException {
        //
        TestServer as = server();
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), Scope.of("items:read"),
                List.of(TestServer.RS));
        List<Object> results = Concurrently.run(50, () -> as.token("grant_type", "authorization_code", "code", code,
                "client_id", "pub1", "code_verifier", v.value()));
        assertThat(results).filteredOn(AccessTokenResponse.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(OAuthException.class::isInstance).hasSize(49)
                .allSatisfy(e -> assertThat(((OAuthException) e).error().code()).isEqualTo("invalid_grant"));
    }

    @Test
    void tokenWhenFiftyUseOneRefreshTokenAtOnceThenExactlyOneSucceedsAndFamilyRevoked()
            throws InterruptedException {
        //
        TestServer as = server();
        CodeVerifier v = CodeVerifier.random();
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(v), Scope.of("items:read"),
                List.of(TestServer.RS));
        String rt = as.token("grant_type", "authorization_code", "code", code, "client_id", "pub1", "code_verifier",
                v.value()).refreshToken().orElseThrow();
        List<Object> results = Concurrently.run(50, () -> as.token("grant_type", "refresh_token", "refresh_token", rt,
                "client_id", "pub1"));
        List<Object> wins = results.stream().filter(AccessTokenResponse.class::isInstance).toList();
        assertThat(wins).hasSize(1);
        assertThat(results).filteredOn(OAuthException.class::isInstance).hasSize(49);
        String successor = ((AccessTokenResponse) wins.get(0)).refreshToken().orElseThrow();
        RefreshTokenRecord next = as.refreshTokens.find(Digests.sha256Base64Url(successor)).orElseThrow();
        assertThat(next.state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(as.refreshTokens.find(Digests.sha256Base64Url(rt)).orElseThrow().state())
                .isEqualTo(RefreshTokenState.REVOKED);
    }
}
