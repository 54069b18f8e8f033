package dev.lanyard.grants.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSObject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.keys.SigningKeyPolicy;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.memory.InMemorySigningKeyStore;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.ResourceIndicator;
import dev.lanyard.spec.core.Scope;

class AccessTokenIssuerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final ResourceIndicator RS = new ResourceIndicator("https://rs.example.test/api");
    private final MutableClock clock = new MutableClock(T0);
    private final SigningKeys keys = SigningKeys.stored(new InMemorySigningKeyStore(), SigningKeyPolicy.defaults(),
            clock);
    private final GrantSettings settings = GrantSettings.defaults("https://as.example.test");

    private static AccessTokenContent content() {
        return new AccessTokenContent(GrantType.AUTHORIZATION_CODE, "pub1", "u-alice", List.of(RS),
                Optional.of(Scope.of("items:read")), Optional.of(T0.minusSeconds(100)));
    }

    private JsonObject payload(String jwt) throws Exception {
        String json = keys.verify(jwt).orElseThrow().payload();
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void issueWhenCodeGrantThenRfc9068HeaderAndClaims() throws Exception {
        IssuedAccessToken t = new AccessTokenIssuer(settings, keys, List.of(), clock).issue(content());
        JWSObject jws = JWSObject.parse(t.value());
        // RFC 9068 §2.1: typ at+jwt; kid of the active key
        assertThat(jws.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jws.getHeader().getKeyID()).isEqualTo(keys.activeKeyId());
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; scope and auth_time when known
        AccessTokenClaims claims = AccessTokenClaims.parse(payload(t.value())).orElseThrow();
        assertThat(claims).isEqualTo(t.claims());
        assertThat(claims.iss()).isEqualTo("https://as.example.test");
        assertThat(claims.aud()).containsExactly(RS.value());
        assertThat(claims.sub()).isEqualTo("u-alice");
        assertThat(claims.clientId()).isEqualTo("pub1");
        assertThat(claims.iat()).isEqualTo(T0.getEpochSecond());
        assertThat(claims.exp()).isEqualTo(T0.plus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(claims.scope()).contains(Scope.of("items:read"));
        assertThat(claims.authTime()).contains(T0.minusSeconds(100).getEpochSecond());
        assertThat(claims.jti()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(t.expiresIn()).isEqualTo(300);
    }

    @Test
    void issueWhenTwiceThenDistinctJti() {
        AccessTokenIssuer issuer = new AccessTokenIssuer(settings, keys, List.of(), clock);
        assertThat(issuer.issue(content()).jti()).isNotEqualTo(issuer.issue(content()).jti());
    }

    @Test
    void issueWhenTtlConfiguredThenExpFollows() {
        IssuedAccessToken t = new AccessTokenIssuer(settings.withAccessTokenTtl(Duration.ofSeconds(90)), keys,
                List.of(), clock).issue(content());
        assertThat(t.expiresIn()).isEqualTo(90);
    }

    @Test
    void issueWhenCustomizersThenAppliedInOrder() throws Exception {
        TokenCustomizer groups = c -> c.groups(List.of(Json.createValue("admins")));
        TokenCustomizer tenant = c -> c.claim("tenant", Json.createValue(c.content().clientId() + "-t"));
        TokenCustomizer override = c -> c.claim("tenant", Json.createValue("last-wins"));
        IssuedAccessToken t = new AccessTokenIssuer(settings, keys, List.of(groups, tenant, override), clock)
                .issue(content());
        JsonObject p = payload(t.value());
        assertThat(p.getJsonArray("groups").getString(0)).isEqualTo("admins");
        assertThat(p.getString("tenant")).isEqualTo("last-wins");
    }

    @Test
    void issueWhenCustomizerTouchesGrantClaimThenRefused() {
        TokenCustomizer evil = c -> c.claim("sub", Json.createValue("admin"));
        AccessTokenIssuer issuer = new AccessTokenIssuer(settings, keys, List.of(evil), clock);
        assertThatThrownBy(() -> issuer.issue(content())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentWhenNoAudienceThenRefused() {
        assertThatThrownBy(() -> new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, "cc1", "cc1", List.of(),
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issueInFamilyWhenFamilyIdThenJtiNamesTheFamilyAndOtherwiseRefused() {
        // RT-04, RV-05: the family in the jti lets revoking a refresh token family revoke its access tokens
        AccessTokenIssuer issuer = new AccessTokenIssuer(settings, keys, List.of(), clock);
        IssuedAccessToken a = issuer.issueInFamily(content(), "fam-ily_1");
        IssuedAccessToken b = issuer.issueInFamily(content(), "fam-ily_1");
        assertThat(a.jti()).startsWith("fam-ily_1.").isNotEqualTo(b.jti());
        assertThat(issuer.issue(content()).jti()).doesNotContain(".");
        for (String bad : List.of("", "a.b", "fam*", "f\u0000")) {
            assertThatThrownBy(() -> issuer.issueInFamily(content(), bad)).isInstanceOf(
                    IllegalArgumentException.class);
        }
    }
}
