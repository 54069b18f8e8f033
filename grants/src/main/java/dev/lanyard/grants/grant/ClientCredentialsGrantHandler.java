package dev.lanyard.grants.grant;

import java.util.Optional;

import dev.lanyard.grants.GrantSettings;
import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.grants.internal.grant.Audiences;
import dev.lanyard.grants.internal.grant.GrantErrors;
import dev.lanyard.grants.internal.grant.Responses;
import dev.lanyard.grants.token.AccessTokenContent;
import dev.lanyard.grants.token.AccessTokenIssuer;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.core.Scope;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.ClientCredentialsGrant;

/**
 * The client credentials grant (OAuth 2.1 §4.2): confidential clients only ({@code unauthorized_client} for a public
 * one; A-028), a scope within the client's allowed scope ({@code invalid_scope}; the whole allowed scope when none is
 * requested), no refresh token (CC-01). The token's {@code sub} is the {@code client_id} (RFC 9068 §2.2).
 *
 * <p>Touches no store: the path costs client authentication (one registry lookup and one SHA-256), the claims' JSON
 * and one signature.
 */
public final class ClientCredentialsGrantHandler implements GrantHandler<ClientCredentialsGrant> {

    private final AccessTokenIssuer issuer;
    private final GrantSettings settings;

    /**
     * @param issuer   the access token issuer
     * @param settings resources
     */
    public ClientCredentialsGrantHandler(AccessTokenIssuer issuer, GrantSettings settings) {
        this.issuer = issuer;
        this.settings = settings;
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Class<ClientCredentialsGrant> requestType() {
        return ClientCredentialsGrant.class;
    }

    @Override
    public AccessTokenResponse handle(ClientCredentialsGrant request, AuthenticatedClient client) {
        if (!client.client().isConfidential()) {
            // OAuth 2.1 §4.2: the client credentials grant MUST only be used by confidential clients
            throw GrantErrors.unauthorizedClient("Only confidential clients may use client_credentials",
                    GrantErrors.CLIENT_CREDENTIALS);
        }
        Scope allowed = client.client().scope();
        Scope scope = request.scope().orElse(allowed);
        if (!allowed.containsAll(scope)) {
            // OAuth 2.1 §3.2.4: invalid_scope, the scope exceeds what the client may have
            throw GrantErrors.invalidScope("The requested scope exceeds the client's scope",
                    GrantErrors.CLIENT_CREDENTIALS);
        }
        return Responses.of(issuer.issue(new AccessTokenContent(GrantType.CLIENT_CREDENTIALS, client.clientId(),
                client.clientId(), Audiences.choose(request.resources(), settings),
                scope.isEmpty() ? Optional.empty() : Optional.of(scope), Optional.empty())), Optional.empty());
    }
}
