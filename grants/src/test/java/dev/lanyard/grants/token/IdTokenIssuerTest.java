package dev.lanyard.grants.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.spec.claims.IdTokenClaims;

class IdTokenIssuerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SigningKeys keys = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(),
            clock);
    private final IdTokenIssuer issuer = new IdTokenIssuer(GrantSettings.defaults("https://idp.example.test"), keys,
            IdTokenIssuer.DEFAULT_LIFETIME, clock);

    private IdTokenClaims claims(String jwt) {
        return IdTokenClaims.parse(keys.verify(jwt).orElseThrow().payload()).orElseThrow();
    }

    @Test
    void issueWhenNonceAndAuthTimeThenOidcCoreClaims() throws Exception {
        String jwt = issuer.issue("conf1", "u-alice", Optional.of("n-0S6_WzA2Mj"), Optional.of(T0.minusSeconds(30)));
        // RFC 8725 §3.11: typ JWT, apart from at+jwt and oauth-id-jag+jwt signed by the same keys
        assertThat(JWSObject.parse(jwt).getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(keys.verify(jwt).orElseThrow().typ()).contains(IdTokenIssuer.TYP);
        IdTokenClaims c = claims(jwt);
        // OIDC Core §2: iss, sub, aud = client_id, exp, iat; nonce passed through; auth_time
        assertThat(c.iss()).isEqualTo("https://idp.example.test");
        assertThat(c.sub()).isEqualTo("u-alice");
        assertThat(c.aud()).containsExactly("conf1");
        assertThat(c.iat()).isEqualTo(T0.getEpochSecond());
        assertThat(c.exp() - c.iat()).isEqualTo(300);
        assertThat(c.nonce()).contains("n-0S6_WzA2Mj");
        assertThat(c.authTime()).contains(T0.minusSeconds(30).getEpochSecond());
    }

    @Test
    void issueWhenNoNonceNorAuthTimeThenOmitted() {
        IdTokenClaims c = claims(issuer.issue("conf1", "u-alice", Optional.empty(), Optional.empty()));
        assertThat(c.nonce()).isEmpty();
        assertThat(c.authTime()).isEmpty();
        assertThat(c.toJson()).doesNotContainKeys("nonce", "auth_time");
    }

    @Test
    void constructorWhenLifetimeNotPositiveThenRefused() {
        GrantSettings s = GrantSettings.defaults("https://idp.example.test");
        assertThatThrownBy(() -> new IdTokenIssuer(s, keys, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
