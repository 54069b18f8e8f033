package dev.lanyard.grants.auth;

import java.util.Objects;
import java.util.Optional;

import dev.lanyard.spec.core.FormParameters;

/**
 * What an endpoint received that may authenticate a client, independent of HTTP frameworks.
 *
 * @param authorization      the {@code Authorization} header value, when present
 * @param form               the form body's parameters
 * @param credentialsInQuery whether the request URI's query carried {@code client_id}, {@code client_secret},
 *                           {@code client_assertion} or {@code client_assertion_type} (refused: OAuth 2.1 §2.4.1)
 * @param source             where the request came from (the remote address), for the brute-force throttle; empty
 *                           when unknown
 */
public record ClientAuthenticationInput(Optional<String> authorization, FormParameters form,
        boolean credentialsInQuery, String source) {

    public ClientAuthenticationInput {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(source, "source");
    }

    /** Input of a form alone, from an unknown source. */
    public static ClientAuthenticationInput ofForm(FormParameters form) {
        return new ClientAuthenticationInput(Optional.empty(), form, false, "");
    }

    /** Whether the client used the {@code Authorization} header: an {@code invalid_client} then carries a challenge. */
    public boolean usedAuthorizationHeader() {
        return authorization.isPresent();
    }

    /** The header is not shown: it carries a secret. */
    @Override
    public String toString() {
        return "ClientAuthenticationInput[authorization=" + authorization.map(a -> "***") + ", form=" + form
                + ", credentialsInQuery=" + credentialsInQuery + ", source=" + source + "]";
    }
}
