package dev.lanyard.grants.grant;

import static dev.lanyard.grants.testing.OAuthAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthError;
import dev.lanyard.spec.token.ClientCredentialsGrant;

class GrantRegistryTest {

    private final TestServer as = TestServer.inMemory();

    @Test
    void handleWhenClientNotRegisteredForGrantThenUnauthorizedClient() {
        // OAuth 2.1 §3.2.4: conf1 may not use client_credentials
        assertError(() -> as.tokenBasic("conf1", TestClients.S1, "grant_type", "client_credentials"),
                OAuthError.UNAUTHORIZED_CLIENT);
    }

    @Test
    void handleWhenNoHandlerThenUnsupportedGrantType() {
        // token exchange is parsed by spec-model but has no handler here
        assertError(() -> as.tokenBasic("cc1", TestClients.S_CC1, "grant_type",
                "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", "x", "subject_token_type",
                "urn:ietf:params:oauth:token-type:access_token"), OAuthError.UNSUPPORTED_GRANT_TYPE);
        GrantRegistry empty = new GrantRegistry(List.of());
        assertError(() -> empty.handle(new ClientCredentialsGrant(Optional.empty(), List.of()), as.client("cc1")),
                OAuthError.UNSUPPORTED_GRANT_TYPE);
    }

    @Test
    void constructorWhenTwoHandlersForOneGrantThenRefused() {
        ClientCredentialsGrantHandler h = new ClientCredentialsGrantHandler(as.issuer, as.settings);
        assertThatThrownBy(() -> new GrantRegistry(List.of(h, h))).isInstanceOf(IllegalArgumentException.class);
        assertThat(as.grants.grantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.CLIENT_CREDENTIALS);
    }
}
