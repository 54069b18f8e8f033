package dev.lanyard.grants.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.internal.Digests;
import dev.lanyard.grants.store.StoredAuthorizationCode;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.authz.CodeVerifier;
import dev.lanyard.spec.core.Scope;

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
