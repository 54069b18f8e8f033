package dev.lanyard.grants.auth;

import static dev.lanyard.grants.testing.Forms.basic;
import static dev.lanyard.grants.testing.Forms.form;
import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.client.ClientSecrets;
import dev.lanyard.grants.client.InMemoryClientRegistry;
import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.grants.store.memory.InMemoryReplayGuard;
import dev.lanyard.grants.testing.MutableClock;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.spec.core.ClientAuthMethod;
import dev.lanyard.spec.core.FormParameters;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.error.OAuthException;

class ClientAuthenticatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryClientRegistry clients = TestClients.registry();
    private final ClientAuthenticator authenticator = new ClientAuthenticator(
            GrantSettings.defaults(TestClients.ISS), clients, new InMemoryReplayGuard(), JwksFetcher.NONE,
            AuthenticationThrottle.defaults(clock), clock);

    private AuthenticatedClient auth(Optional<String> header, FormParameters form) {
        return authenticator.authenticate(new ClientAuthenticationInput(header, form, false, "192.0.2.1"));
    }

    @Test
    void authenticateWhenBasicCorrectThenConf1() {
        // OAuth 2.1 §2.4.1 / RFC 6749 §2.3.1
        AuthenticatedClient c = auth(Optional.of(basic("conf1", TestClients.S1)), form("grant_type", "x"));
        assertThat(c.clientId()).isEqualTo("conf1");
        assertThat(c.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void authenticateWhenBasicPartsFormEncodedThenDecodedFirst() {
        // RFC 6749 §2.3.1: client_id and secret are application/x-www-form-urlencoded before Basic
        String secret = "p@ss:w rd+&=%/" + "x".repeat(30);
        clients.register(RegisteredClient.builder("id:with space").secret(ClientAuthMethod.CLIENT_SECRET_BASIC,
                ClientSecrets.hash(secret)).build());
        assertThat(auth(Optional.of(basic("id:with space", secret)), FormParameters.empty()).clientId())
                .isEqualTo("id:with space");
    }

    @Test
    void authenticateWhenBasicWrongSecretThenInvalidClient401() {
        assertError(() -> auth(Optional.of(basic("conf1", TestClients.S2)), FormParameters.empty()),
                OAuthError.INVALID_CLIENT);
        assertThat(authenticator.challenge()).isEqualTo("Basic realm=\"https://as.example.test\"");
    }

    @Test
    void authenticateWhenUnknownOrWrongSecretThenSameDescription() {
        OAuthException unknown = assertError(() -> auth(Optional.of(basic("nobody", TestClients.S1)),
                FormParameters.empty()), OAuthError.INVALID_CLIENT);
        OAuthException wrong = assertError(() -> auth(Optional.of(basic("conf1", "wrong-" + TestClients.S1)),
                FormParameters.empty()), OAuthError.INVALID_CLIENT);
        assertThat(unknown.error()).isEqualTo(wrong.error());
        assertThat(unknown.getMessage()).doesNotContain(TestClients.S1);
    }

    @Test
    void authenticateWhenBasicMalformedThenInvalidClient() {
        String noColon = "Basic " + Base64.getEncoder().encodeToString("conf1".getBytes(StandardCharsets.UTF_8));
        for (String h : new String[] {"Basic !!!", noColon, "Bearer abc", "Basic ", "Basic Y29uZjE6"}) {
            assertError(() -> auth(Optional.of(h), FormParameters.empty()), OAuthError.INVALID_CLIENT);
        }
    }

    @Test
    void authenticateWhenBasicIdOrSecretNotVscharThenInvalidClientWithoutLookup() {
        // RFC 6749 Appendix A (client-id, client-secret = *VSCHAR), INP-05: a NUL or control character in the Basic
        // credentials never reaches the registry, whose database may refuse it (PostgreSQL and U+0000)
        ClientAuthenticator strict = new ClientAuthenticator(GrantSettings.defaults(TestClients.ISS), id -> {
            if (!id.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw new IllegalStateException("looked up a client id that is not VSCHAR");
            }
            return clients.find(id);
        }, new InMemoryReplayGuard(), JwksFetcher.NONE, AuthenticationThrottle.defaults(clock), clock);
        for (String[] c : new String[][] {{"conf1\u0000", TestClients.S1}, {"co\nnf1", TestClients.S1},
            {"conf1", TestClients.S1 + "\u0000"}, {"conf\u00e9", TestClients.S1}}) {
            assertError(() -> strict.authenticate(new ClientAuthenticationInput(Optional.of(basic(c[0], c[1])),
                    FormParameters.empty(), false, "192.0.2.1")), OAuthError.INVALID_CLIENT);
        }
        String rawNul = "Basic " + Base64.getEncoder().encodeToString(("conf1\u0000:" + TestClients.S1)
                .getBytes(StandardCharsets.UTF_8));
        assertError(() -> strict.authenticate(new ClientAuthenticationInput(Optional.of(rawNul),
                FormParameters.empty(), false, "192.0.2.1")), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenPostCorrectThenConf2() {
        AuthenticatedClient c = auth(Optional.empty(), form("client_id", "conf2", "client_secret", TestClients.S2));
        assertThat(c.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    }

    @Test
    void authenticateWhenPostWrongSecretOrNoSecretThenInvalidClient() {
        // wrong secret, and a confidential client sending only client_id
        assertError(() -> auth(Optional.empty(), form("client_id", "conf2", "client_secret", TestClients.S1)),
                OAuthError.INVALID_CLIENT);
        assertError(() -> auth(Optional.empty(), form("client_id", "conf2")), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSecretEmptyThenTreatedAsAbsent() {
        // OAuth 2.1 §3.2 (TK-02): an empty parameter is absent; a confidential client without a secret is not
        // authenticated, a public client naming itself is
        assertError(() -> auth(Optional.empty(), form("client_id", "conf2", "client_secret", "")),
                OAuthError.INVALID_CLIENT);
        assertThat(auth(Optional.empty(), form("client_id", "pub1", "client_secret", "")).method())
                .isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void authenticateWhenMethodNotTheRegisteredOneThenInvalidClient() {
        // conf1 is registered for client_secret_basic and sends client_secret_post with the right secret
        assertError(() -> auth(Optional.empty(), form("client_id", "conf1", "client_secret", TestClients.S1)),
                OAuthError.INVALID_CLIENT);
        assertError(() -> auth(Optional.of(basic("conf2", TestClients.S2)), FormParameters.empty()),
                OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenBasicAndBodySecretThenInvalidRequest() {
        // A-034, CA-03: two methods in one request
        assertError(() -> auth(Optional.of(basic("conf1", TestClients.S1)), form("client_secret", TestClients.S1)),
                OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenBasicAndAssertionThenInvalidRequest() {
        //
        assertError(() -> auth(Optional.of(basic("conf1", TestClients.S1)), form("client_assertion_type",
                ClientAuthenticator.JWT_BEARER_ASSERTION_TYPE, "client_assertion", "a.b.c")),
                OAuthError.INVALID_REQUEST);
        assertError(() -> auth(Optional.empty(), form("client_id", "conf2", "client_secret", TestClients.S2,
                "client_assertion", "a.b.c")), OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenCredentialsInQueryThenInvalidRequest() {
        // OAuth 2.1 §2.4.1, credentials MUST NOT be in the request URI
        assertError(() -> authenticator.authenticate(new ClientAuthenticationInput(Optional.empty(),
                form("grant_type", "client_credentials"), true, "")), OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenBodyClientIdDiffersFromBasicThenInvalidRequest() {
        // CA-06
        assertError(() -> auth(Optional.of(basic("conf1", TestClients.S1)), form("client_id", "conf2")),
                OAuthError.INVALID_REQUEST);
        assertThat(auth(Optional.of(basic("conf1", TestClients.S1)), form("client_id", "conf1")).clientId())
                .isEqualTo("conf1");
    }

    @Test
    void authenticateWhenPublicClientIdThenNone() {
        AuthenticatedClient c = auth(Optional.empty(), form("client_id", "pub1"));
        assertThat(c.method()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(c.client().isConfidential()).isFalse();
    }

    @Test
    void authenticateWhenPublicClientSendsSecretThenInvalidClient() {
        // CA-05: a public client (none) that sends a secret gets invalid_client
        assertError(() -> auth(Optional.empty(), form("client_id", "pub1", "client_secret", TestClients.S1)),
                OAuthError.INVALID_CLIENT);
        assertError(() -> auth(Optional.of(basic("pub1", TestClients.S1)), FormParameters.empty()),
                OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenNoIdentificationThenInvalidClient() {
        assertError(() -> auth(Optional.empty(), form("grant_type", "client_credentials")),
                OAuthError.INVALID_CLIENT);
        assertError(() -> auth(Optional.empty(), form("client_id", "nobody")), OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenClientIdRepeatedThenInvalidRequest() {
        // TK-02: repeated parameters
        assertError(() -> auth(Optional.empty(), form("client_id", "pub1", "client_id", "pub2")),
                OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenSecretWithoutClientIdThenInvalidRequest() {
        assertError(() -> auth(Optional.empty(), form("client_secret", TestClients.S2)), OAuthError.INVALID_REQUEST);
    }

    @Test
    void authenticateWhenFiftyWrongSecretsThenThrottledNotPermanently() {
        // brute force is throttled with 429 + Retry-After; the lockout ends
        int throttled = 0;
        for (int i = 0; i < 50; i++) {
            try {
                auth(Optional.of(basic("conf1", "wrong-secret-" + i)), FormParameters.empty());
            } catch (ThrottledException e) {
                throttled++;
                assertThat(e.error().httpStatus()).isEqualTo(429);
                assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
            } catch (OAuthException e) {
                assertThat(e.error().code()).isEqualTo("invalid_client");
            }
        }
        assertThat(throttled).isEqualTo(40);
        assertThatThrownBy(() -> auth(Optional.of(basic("conf1", TestClients.S1)), FormParameters.empty()))
                .isInstanceOf(ThrottledException.class);
        // another source is not locked out
        assertThat(authenticator.authenticate(new ClientAuthenticationInput(Optional.of(basic("conf1",
                TestClients.S1)), FormParameters.empty(), false, "198.51.100.7")).clientId()).isEqualTo("conf1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(auth(Optional.of(basic("conf1", TestClients.S1)), FormParameters.empty()).clientId())
                .isEqualTo("conf1");
    }
}
