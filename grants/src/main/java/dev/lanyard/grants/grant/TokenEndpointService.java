package dev.lanyard.grants.grant;

import java.util.Objects;
import java.util.function.Consumer;

import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.auth.ClientAuthenticationInput;
import dev.lanyard.grants.auth.ClientAuthenticator;
import dev.lanyard.grants.auth.ThrottledException;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenRequest;

/**
 * The token endpoint without HTTP: authenticates the client, reads the token request from the same form, dispatches
 * to the grant's handler. The endpoint answers the response with {@code Cache-Control: no-store}.
 */
public final class TokenEndpointService {

    private final ClientAuthenticator authenticator;
    private final GrantRegistry grants;
    private final Consumer<AuthenticatedClient> issued;

    /**
     * @param authenticator client authentication
     * @param grants        the grant handlers
     */
    public TokenEndpointService(ClientAuthenticator authenticator, GrantRegistry grants) {
        this(authenticator, grants, client -> { });
    }

    /**
     * @param authenticator client authentication
     * @param grants        the grant handlers
     * @param issued        told of the client after each successful token response (for example, to record that a
     *                      dynamically registered client was used); a failure there fails the request
     */
    public TokenEndpointService(ClientAuthenticator authenticator, GrantRegistry grants,
            Consumer<AuthenticatedClient> issued) {
        this.authenticator = authenticator;
        this.grants = grants;
        this.issued = Objects.requireNonNull(issued, "issued");
    }

    /**
     * The token response for a request.
     *
     * @throws OAuthException      the token error to return ({@code invalid_client} with status 401; add
     *                             {@link ClientAuthenticator#challenge()} when the Authorization header was used)
     * @throws ThrottledException when the client is locked out after repeated authentication failures (429)
     */
    public AccessTokenResponse token(ClientAuthenticationInput input) {
        return token(input, TokenRequestContext.NONE);
    }

    /**
     * The token response for a request that carried {@code context} besides its form (a DPoP proof).
     *
     * @throws OAuthException      the token error to return, as {@link #token(ClientAuthenticationInput)}
     * @throws ThrottledException when the client is locked out after repeated authentication failures (429)
     */
    public AccessTokenResponse token(ClientAuthenticationInput input, TokenRequestContext context) {
        AuthenticatedClient client = authenticator.authenticate(input);
        AccessTokenResponse response = grants.handle(TokenRequest.parse(input.form()), client, context);
        issued.accept(client);
        return response;
    }
}
