package dev.lanyard.grants.grant;

import dev.lanyard.grants.auth.AuthenticatedClient;
import dev.lanyard.spec.core.GrantType;
import dev.lanyard.spec.error.OAuthException;
import dev.lanyard.spec.token.AccessTokenResponse;
import dev.lanyard.spec.token.TokenRequest;

/**
 * The logic of one grant type at the token endpoint. The {@link GrantRegistry} has already checked that the client
 * may use the grant.
 *
 * @param <R> the token request record of the grant
 */
public interface GrantHandler<R extends TokenRequest> {

    /** The {@code grant_type} handled. */
    GrantType grantType();

    /** The record of requests of that grant type. */
    Class<R> requestType();

    /**
     * Grants tokens for {@code request} from {@code client}.
     *
     * @throws OAuthException with the token error to return
     */
    AccessTokenResponse handle(R request, AuthenticatedClient client);

    /**
     * Grants tokens for {@code request} from {@code client}, with what else the request carried (a DPoP proof). By
     * default the context is ignored: a grant that does not read DPoP proofs issues Bearer tokens, which RFC 9449 §5
     * allows.
     *
     * @throws OAuthException with the token error to return
     */
    default AccessTokenResponse handle(R request, AuthenticatedClient client, TokenRequestContext context) {
        return handle(request, client);
    }
}
