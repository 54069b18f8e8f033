package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.AuthenticationThrottle;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.JwksFetcher;
import dev.lanyard.grants.internal.keys.KeyGeneration;
import dev.lanyard.grants.keys.SigningAlgorithm;
import dev.lanyard.grants.keys.SigningKeys;
import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.testing.Forms;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.spec.claims.AccessTokenClaims;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.AccessTokenResponse;

class ClientCredentialsGrantHandlerTest {

    private final TestServer as = TestServer.inMemory();

    private AccessTokenClaims claims(AccessTokenResponse r) {
        return AccessTokenClaims.parse(as.keys.verify(r.accessToken()).orElseThrow().payload()).orElseThrow();
    }

    @Test
    void handleWhenConfidentialThenTokenForClientWithoutRefreshToken() {
        // OAuth 2.1 §4.2, CC-01: no refresh token; RFC 9068 §2.2: sub is the client
        AccessTokenResponse r = as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials");
        assertThat(r.refreshToken()).isEmpty();
        assertThat(r.scope()).contains(Scope.of("items:read", "items:write"));
        AccessTokenClaims c = claims(r);
        assertThat(c.sub()).isEqualTo("cc1");
        assertThat(c.clientId()).isEqualTo("cc1");
        assertThat(c.aud()).containsExactly(TestServer.RS.value());
        assertThat(c.authTime()).isEmpty();
    }

    @Test
    void handleWhenScopeAndResourceRequestedThenHonoured() {
        AccessTokenResponse r = as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials", "scope",
                "items:read", "resource", TestServer.RS2.value());
        assertThat(r.scope()).contains(Scope.of("items:read"));
        assertThat(claims(r).aud()).containsExactly(TestServer.RS2.value());
    }

    @Test
    void handleWhenPublicClientThenUnauthorizedClient() {
        // a public client asking for client_credentials
        assertError(() -> as.token("grant_type", "client_credentials", "client_id", "pub1"),
                OAuthError.UNAUTHORIZED_CLIENT);
        AuthenticatedClient pub = as.client("pub1");
        assertError(() -> new ClientCredentialsGrantHandler(as.issuer, as.settings)
                .handle(new dev.lanyard.spec.token.ClientCredentialsGrant(Optional.empty(), List.of()), pub),
                OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void handleWhenScopeBeyondClientThenInvalidScope() {
        assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials", "scope",
                "items:read admin"), OAuthError.INVALID_SCOPE);
    }

    @Test
    void handleWhenResourceNotServedThenInvalidTarget() {
        // RFC 8707 §2: A-088 style, an audience this server does not serve
        assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials", "resource",
                "https://admin.example.test/api"), OAuthError.INVALID_TARGET);
        assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", "client_credentials", "resource",
                "https://rs.example.test/api#frag"), OAuthError.INVALID_TARGET);
    }

    @Test
    void handleWhenNoResourceAndNoDefaultThenInvalidTarget() {
        GrantSettings noDefault = GrantSettings.defaults(TestClients.ISS);
        ClientCredentialsGrantHandler h = new ClientCredentialsGrantHandler(as.issuer, noDefault);
        assertError(() -> h.handle(new dev.lanyard.spec.token.ClientCredentialsGrant(Optional.empty(), List.of()),
                as.client("cc1")), OAuthError.INVALID_TARGET);
    }

    @Test
    void handleWhenGrantTypeMissingOrUnknownThenInvalidRequestOrUnsupported() {
        //
        assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "scope", "items:read"), OAuthError.INVALID_REQUEST);
        for (String gt : List.of("implicit", "Authorization_Code", "password", "urn:x:unknown")) {
            assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "grant_type", gt),
                    OAuthError.UNSUPPORTED_GRANT_TYPE);
        }
    }

    @Test
    void tokenWhenClientCredentialsThenNoStoreTouched() {
        // Issue acceptance: no avoidable database round trip on the client_credentials path. Every store here fails
        // when touched; the keys are configured; the path still issues a token.
        ReplayGuard forbidden = new ReplayGuard() {
            @Override
            public boolean firstUse(String key, Instant expiresAt) {
                throw new AssertionError("replay guard touched");
            }

            @Override
            public int purgeExpired(Instant before) {
                throw new AssertionError("replay guard touched");
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        GrantSettings settings = as.settings;
        SigningKeys keys = SigningKeys.fixed(new com.nimbusds.jose.jwk.JWKSet(
                KeyGeneration.generate(SigningAlgorithm.ES256)).toString(false));
        ClientAuthenticator auth = new ClientAuthenticator(settings, TestClients.registry(), forbidden,
                JwksFetcher.NONE, AuthenticationThrottle.defaults(clock), clock);
        TokenEndpointService endpoint = new TokenEndpointService(auth, new GrantRegistry(List.of(
                new ClientCredentialsGrantHandler(new AccessTokenIssuer(settings, keys, List.of(), clock),
                        settings))));
        AccessTokenResponse r = endpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic("cc1",
                TestClients.S_CC1)), Forms.form("grant_type", "client_credentials"), false, "192.0.2.1"));
        assertThat(r.accessToken()).isNotEmpty();
        assertThatThrownBy(() -> endpoint.token(ClientAuthenticationInput.ofForm(Forms.form("grant_type",
                "authorization_code", "code", "x", "client_id", "pub1")))).isInstanceOf(
                dev.lanyard.spec.error.OAuthException.class);
    }
}
