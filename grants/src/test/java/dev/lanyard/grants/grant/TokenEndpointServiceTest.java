package dev.lanyard.grants.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.testing.Forms;
import dev.lanyard.grants.testing.TestClients;
import dev.lanyard.grants.testing.TestServer;
import dev.lanyard.spec.error.OAuthException;

/** The token endpoint's callback: told of a client after each successful token response, never after a failure. */
class TokenEndpointServiceTest {

    private final TestServer as = TestServer.inMemory();

    @Test
    void tokenWhenIssuedThenCallbackToldOfTheClientAndNotOnFailure() {
        List<String> told = new ArrayList<>();
        TokenEndpointService endpoint = new TokenEndpointService(as.authenticator, as.grants,
                c -> told.add(c.clientId()));
        endpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic("cc1", TestClients.S_CC1)),
                Forms.form("grant_type", "client_credentials"), false, "192.0.2.1"));
        assertThat(told).containsExactly("cc1");
        // a failed grant (unknown code) and a failed authentication tell nothing
        assertThatThrownBy(() -> endpoint.token(ClientAuthenticationInput.ofForm(Forms.form("grant_type",
                "authorization_code", "code", "x", "redirect_uri", "https://app.example.test/cb", "code_verifier",
                "x".repeat(43), "client_id", "pub1")))).isInstanceOf(OAuthException.class);
        assertThatThrownBy(() -> endpoint.token(new ClientAuthenticationInput(Optional.of(Forms.basic("cc1",
                "wrong-secret-0123456789-abcdefghijklmnop")), Forms.form("grant_type", "client_credentials"), false,
                "192.0.2.2"))).isInstanceOf(OAuthException.class);
        assertThat(told).containsExactly("cc1");
    }
}
