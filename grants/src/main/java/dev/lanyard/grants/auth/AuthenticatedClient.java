package dev.lanyard.grants.auth;

import java.util.Objects;

import dev.lanyard.grants.client.RegisteredClient;
import dev.lanyard.spec.core.ClientAuthMethod;

/**
 * A client identified at an endpoint, and how: {@code none} means a public client named itself with
 * {@code client_id}, which identifies but does not authenticate it.
 *
 * @param client the client
 * @param method the method it used; always its registered method
 */
public record AuthenticatedClient(RegisteredClient client, ClientAuthMethod method) {

    public AuthenticatedClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(method, "method");
    }

    /** The {@code client_id}. */
    public String clientId() {
        return client.clientId();
    }
}
