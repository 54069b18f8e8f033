package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.AuthorizationCodeBinding;
import dev.lanyard.grants.store.StoredAuthorizationCode;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeChallengeMethod;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;

class AuthorizationCodeServiceTest {

    private final TestServer as = TestServer.inMemory();

    @Test
    void issueWhenCalledThenRandomCodeStoredOnlyAsHashFor60Seconds() {
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.of(CodeVerifier.random()),
                Scope.of("items:read"), List.of(TestServer.RS));
        assertThat(code).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(as.codes.find(code)).isEmpty();
        StoredAuthorizationCode stored = as.codes.find(Digests.sha256Base64Url(code)).orElseThrow();
        assertThat(Duration.between(stored.issuedAt(), stored.expiresAt())).isEqualTo(Duration.ofSeconds(60));
        assertThat(stored.toString()).doesNotContain(code);
    }

    private static AuthorizationCodeBinding binding(String clientId, String redirectUri, Scope scope,
            Optional<CodeVerifier> verifier) {
        return new AuthorizationCodeBinding(clientId, redirectUri, verifier.map(CodeVerifier::challenge),
                verifier.map(v -> CodeChallengeMethod.S256), List.of(TestServer.RS), scope, "u-alice", Optional.empty(),
                Optional.empty());
    }

    @Test
    void issueWhenCheckedBindingValidThenCode() {
        // a loopback redirect URI with any port matches the registered http://127.0.0.1/cb
        RegisteredClient pub1 = as.clients.find("pub1").orElseThrow();
        assertThat(as.codeService.issue(pub1, binding("pub1", "http://127.0.0.1:51004/cb", Scope.of("items:read"),
                Optional.of(CodeVerifier.random())))).hasSize(43);
    }

    @Test
    void issueWhenRedirectUriNotRegisteredThenInvalidRequest() {
        // RU: exact match only (the loopback port aside)
        RegisteredClient pub1 = as.clients.find("pub1").orElseThrow();
        RegisteredClient conf1 = as.clients.find("conf1").orElseThrow();
        for (String bad : List.of("https://APP.example.test/cb", "HTTPS://app.example.test/cb",
                "https://app.example.test/CB", "https://app.example.test/cb?next=https://evil.test",
                "http://localhost:5000/cb", "http://127.0.0.1.evil.test:5000/cb", "http://127.1:5000/cb",
                "http://[::ffff:127.0.0.1]:5000/cb", "https://app.example.test/cb/extra")) {
            assertError(() -> as.codeService.issue(pub1, binding("pub1", bad, Scope.of("items:read"),
                    Optional.of(CodeVerifier.random()))), OAuthError.INVALID_REQUEST);
        }
        for (String bad : List.of("https://conf.example.test/cb?tenant=2", "https://conf.example.test/cb?tenant=1&x=1",
                "https://conf.example.test/cb?x=1&tenant=1")) {
            assertError(() -> as.codeService.issue(conf1, binding("conf1", bad, Scope.of("items:read"),
                    Optional.of(CodeVerifier.random()))), OAuthError.INVALID_REQUEST);
        }
        assertThat(as.codeService.issue(conf1, binding("conf1", "https://conf.example.test/cb?tenant=1",
                Scope.of("items:read"), Optional.of(CodeVerifier.random())))).isNotEmpty();
    }

    @Test
    void issueWhenScopeBeyondClientThenInvalidScope() {
        // scope=items:read admin; admin is never granted
        RegisteredClient pub1 = as.clients.find("pub1").orElseThrow();
        assertError(() -> as.codeService.issue(pub1, binding("pub1", "https://app.example.test/cb",
                Scope.of("items:read", "admin"), Optional.of(CodeVerifier.random()))), OAuthError.INVALID_SCOPE);
    }

    @Test
    void issueWhenNoPkceOrClientMayNotUseCodesThenRefused() {
        // A-011 / OAuth 2.1 §4.1.1: PKCE S256 required; cc1 is registered for client_credentials only
        RegisteredClient pub1 = as.clients.find("pub1").orElseThrow();
        assertError(() -> as.codeService.issue(pub1, binding("pub1", "https://app.example.test/cb",
                Scope.of("items:read"), Optional.empty())), OAuthError.INVALID_REQUEST);
        RegisteredClient cc1 = as.clients.find("cc1").orElseThrow();
        assertError(() -> as.codeService.issue(cc1, binding("cc1", "https://cc.example.test/cb",
                Scope.of("items:read"), Optional.of(CodeVerifier.random()))), OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void purgeWhenExpiredLongerThanAccessTokenLifetimeThenDeleted() {
        String code = as.authorize("pub1", "https://app.example.test/cb", Optional.empty(), Scope.of("items:read"),
                List.of(TestServer.RS));
        String hash = Digests.sha256Base64Url(code);
        as.clock.advance(Duration.ofMinutes(5));
        as.codeService.purge();
        assertThat(as.codes.find(hash)).isPresent(); // kept for late replay detection
        as.clock.advance(Duration.ofMinutes(2));
        as.codeService.purge();
        assertThat(as.codes.find(hash)).isEmpty();
    }
}
