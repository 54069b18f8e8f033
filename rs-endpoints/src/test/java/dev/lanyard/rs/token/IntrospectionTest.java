package dev.lanyard.rs.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.rs.AccessTokenPrincipal;
import dev.lanyard.rs.ResourceServerSettings;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

/** Opaque tokens checked by RFC 7662 introspection, cached up to their expiry. */
class IntrospectionTest {

    private static final URI ENDPOINT = URI.create("https://as.example.test/introspect");

    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final List<String> forms = new ArrayList<>();
    private final List<String> auths = new ArrayList<>();
    private String answer;

    private final AccessTokenValidator validator = AccessTokenValidator.create(
            ResourceServerSettings.of(TestTokens.RESOURCE, List.of(TestTokens.ISSUER)).withIntrospection(
                    new ResourceServerSettings.Introspection(ENDPOINT, "rs:1", "s3cr=t")),
            issuer -> TestTokens.JWKS, uri -> {
                throw new IllegalStateException("no JWKS for opaque tokens");
            }, this::post, clock);

    private String post(URI endpoint, String form, Optional<String> authorization) {
        assertThat(endpoint).isEqualTo(ENDPOINT);
        forms.add(form);
        auths.add(authorization.orElse(""));
        return answer;
    }

    private String active(String aud, long exp) {
        return "{\"active\":true,\"scope\":\"items:read\",\"client_id\":\"pub1\",\"sub\":\"u-alice\",\"aud\":\"" + aud
                + "\",\"iss\":\"" + TestTokens.ISSUER + "\",\"exp\":" + exp + "}";
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error().is(OAuthError.INVALID_TOKEN)).isTrue());
    }

    @Test
    void validateWhenOpaqueAndActiveForThisResourceThenCallerAndCachedUntilExpiry() {
        answer = active(TestTokens.RESOURCE, start.plusSeconds(120).getEpochSecond());
        AccessTokenPrincipal caller = validator.validate("opaque-token-1");
        assertThat(caller.subject()).isEqualTo("u-alice");
        assertThat(caller.scope()).isEqualTo(Scope.of("items:read"));
        // RFC 7662 §2.1: token and hint in the form; RFC 6749 §2.3.1: urlencode, then Basic
        assertThat(forms).containsExactly("token=opaque-token-1&token_type_hint=access_token");
        assertThat(auths).containsExactly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("rs%3A1:s3cr%3Dt".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        validator.validate("opaque-token-1");
        assertThat(forms).hasSize(1);
        clock.advance(Duration.ofSeconds(121));
        answer = "{\"active\":false}";
        assertInvalid("opaque-token-1");
        assertThat(forms).hasSize(2);
    }

    @Test
    void validateWhenInactiveThenInvalidToken() {
        answer = "{\"active\":false}";
        assertInvalid("revoked-token");
    }

    @Test
    void validateWhenAudienceIsAnotherResourceOrMissingThenInvalidToken() {
        // RFC 8707 §2: a token for another resource is refused, whoever vouches for it
        answer = active("https://rs2.example.test", start.plusSeconds(120).getEpochSecond());
        assertInvalid("token-for-rs2");
        answer = "{\"active\":true,\"sub\":\"u\",\"exp\":" + start.plusSeconds(120).getEpochSecond() + "}";
        assertInvalid("token-without-aud");
    }

    @Test
    void validateWhenExpiredOrUntrustedIssuerThenInvalidToken() {
        answer = active(TestTokens.RESOURCE, start.minusSeconds(61).getEpochSecond());
        assertInvalid("expired-token");
        answer = active(TestTokens.RESOURCE, start.plusSeconds(120).getEpochSecond())
                .replace(TestTokens.ISSUER, "https://evil.test");
        assertInvalid("foreign-token");
    }

    @Test
    void validateWhenEndpointFailsOrAnswersGarbageThenInvalidTokenNotCached() {
        answer = "<html>oops</html>";
        assertInvalid("token-x");
        answer = "{\"active\":\"yes\"}";
        assertInvalid("token-x");
        answer = active(TestTokens.RESOURCE, start.plusSeconds(120).getEpochSecond());
        assertThat(validator.validate("token-x").subject()).isEqualTo("u-alice");
    }

    @Test
    void validateWhenJwtThenVerifiedLocallyNotIntrospected() {
        TestTokens as = new TestTokens();
        AccessTokenValidator v = AccessTokenValidator.create(
                ResourceServerSettings.of(TestTokens.RESOURCE, List.of(TestTokens.ISSUER)).withIntrospection(
                        new ResourceServerSettings.Introspection(ENDPOINT, "rs", "s")),
                issuer -> TestTokens.JWKS, as::fetch, this::post, clock);
        assertThat(v.validate(as.es256(TestTokens.claims(start).build())).subject()).isEqualTo("u-alice");
        assertThat(forms).isEmpty();
    }
}
